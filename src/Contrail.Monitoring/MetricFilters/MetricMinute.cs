namespace Contrail.Monitoring.MetricFilters;

/// <summary>The statistics of one series over one UTC minute.</summary>
/// <param name="Minute">The minute's start (UTC).</param>
/// <param name="Sum">The sum of the values published in the minute.</param>
/// <param name="Count">How many values were published (at least 1).</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
public sealed record MetricMinute(DateTimeOffset Minute, double Sum, long Count, double Min, double Max);
