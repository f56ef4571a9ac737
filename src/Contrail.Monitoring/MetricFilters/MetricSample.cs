namespace Contrail.Monitoring.MetricFilters;

/// <summary>One series as the exposition sees it.</summary>
/// <param name="Key">The series.</param>
/// <param name="Total">The sum of every value published to it (running total, not windowed).</param>
/// <param name="Count">How many values were published to it.</param>
/// <param name="LastMinute">The sum of the latest complete minute; null when nothing was published in it.</param>
public sealed record MetricSample(MetricSeriesKey Key, double Total, long Count, double? LastMinute);
