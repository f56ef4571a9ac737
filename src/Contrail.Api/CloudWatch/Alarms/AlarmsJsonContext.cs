using System.Text.Json.Serialization;

namespace Contrail.Api.CloudWatch.Alarms;

/// <summary>Source-generated JSON for the persisted alarm catalog and the state-change events.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(AlarmsDocument))]
internal sealed partial class AlarmsJsonContext : JsonSerializerContext;
