using System.Text.Json.Serialization;

namespace Contrail.Api.Rules;

/// <summary>Source-generated JSON for the persisted rule catalog.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(RulesDocument))]
internal sealed partial class RulesJsonContext : JsonSerializerContext;
