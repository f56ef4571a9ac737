using System.Text.Json.Serialization;

namespace Contrail.Api.Logs.MetricFilters;

/// <summary>Source-generated JSON for the persisted metric filter catalog.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(MetricFiltersDocument))]
internal sealed partial class MetricFiltersJsonContext : JsonSerializerContext;
