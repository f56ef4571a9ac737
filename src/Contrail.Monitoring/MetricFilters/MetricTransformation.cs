namespace Contrail.Monitoring.MetricFilters;

/// <summary>
/// How a metric filter turns a matching record into a metric point (CloudWatch Logs' <c>MetricTransformation</c>).
/// </summary>
/// <param name="MetricName">The metric's name (1–255 characters, none of <c>:*$</c>).</param>
/// <param name="MetricNamespace">The metric's namespace (1–255 characters, none of <c>:*$</c>).</param>
/// <param name="MetricValue">What a match adds: a number (<c>1</c>) or a selector (<c>$.bytes</c>) whose value is numeric.</param>
/// <param name="DefaultValue">The minute's value when no record matched in it; null for none. Not allowed with dimensions.</param>
/// <param name="Dimensions">Up to 3 dimension names, each with the selector (<c>$.eventSource</c>) whose value it takes; empty for none.</param>
/// <param name="Unit">A CloudWatch <c>StandardUnit</c>; null for none. Kept and echoed only.</param>
public sealed record MetricTransformation(
    string MetricName,
    string MetricNamespace,
    string MetricValue,
    double? DefaultValue,
    IReadOnlyDictionary<string, string> Dimensions,
    string? Unit);
