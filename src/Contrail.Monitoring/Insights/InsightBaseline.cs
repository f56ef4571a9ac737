namespace Contrail.Monitoring.Insights;

/// <summary>A series' baseline at a minute: what CloudTrail keeps hidden.</summary>
/// <param name="Key">The series.</param>
/// <param name="Average">Mean calls per minute over the window.</param>
/// <param name="Deviation">Standard deviation per minute.</param>
/// <param name="Threshold">A minute with more calls than this (and at least the minimum count) is anomalous.</param>
/// <param name="Minutes">Minutes in the window.</param>
/// <param name="Active">Whether an Insight is in progress.</param>
public sealed record InsightBaseline(InsightSeriesKey Key, double Average, double Deviation, double Threshold, long Minutes, bool Active);
