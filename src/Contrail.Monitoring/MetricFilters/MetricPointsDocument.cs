using System.Text.Json.Serialization;

namespace Contrail.Monitoring.MetricFilters;

/// <summary>
/// The persisted form of <see cref="MetricPoints"/>, <c>DATA_DIR/monitoring/metric-points.json</c>
/// (docs/dev/metric-filters.md):
/// <code>{"Version":1,"Position":N,"Records":N,"Matches":N,"Unpublishable":N,"Series":[…],"Logging":{"TRAIL_ARN":true}}</code>
/// <c>Logging</c> is whether each trail was logging at <c>Position</c>, as its own StartLogging/StopLogging records say.
/// </summary>
public sealed record MetricPointsDocument(
    int Version,
    long Position,
    long Records,
    long Matches,
    long Unpublishable,
    IReadOnlyList<MetricSeriesDocument> Series,
    IReadOnlyDictionary<string, bool>? Logging = null)
{
    /// <summary>The version this build writes and reads.</summary>
    public const int CurrentVersion = 1;
}

/// <summary>One series: its key, running total and count, and its per-minute points inside the window.</summary>
public sealed record MetricSeriesDocument(
    string Namespace,
    string Name,
    IReadOnlyList<MetricDimensionDocument> Dimensions,
    double Total,
    long Count,
    IReadOnlyList<MetricMinuteDocument> Minutes);

/// <summary>A dimension's name and value.</summary>
public sealed record MetricDimensionDocument(string Name, string Value);

/// <summary>
/// One per-minute point: the minute (whole minutes since the Unix epoch, UTC), the sum and how many values made it,
/// and the smallest and largest value (absent in files written before alarms needed them; read as the minute's mean).
/// </summary>
public sealed record MetricMinuteDocument(
    long Minute,
    double Sum,
    long Count,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Min = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Max = null);

/// <summary>Source-generated JSON for <see cref="MetricPointsDocument"/>.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(MetricPointsDocument))]
internal sealed partial class MetricPointsJsonContext : JsonSerializerContext;
