using System.Text.Json.Serialization;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>Source-generated JSON for the persisted catalog and for selectors on the wire (model member names).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(TrailsDocument))]
[JsonSerializable(typeof(IReadOnlyList<EventSelector>))]
[JsonSerializable(typeof(IReadOnlyList<AdvancedEventSelector>))]
internal sealed partial class TrailJsonContext : JsonSerializerContext;
