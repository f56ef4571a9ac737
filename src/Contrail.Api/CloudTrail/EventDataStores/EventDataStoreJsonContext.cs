using System.Text.Json.Serialization;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>Source-generated JSON for the persisted Lake catalog (model member names).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(EventDataStoresDocument))]
internal sealed partial class EventDataStoreJsonContext : JsonSerializerContext;
