namespace Contrail.Monitoring.Insights;

/// <summary>What a baseline is kept for: per type, region, eventSource and eventName, and errorCode for error rates.</summary>
public sealed record InsightSeriesKey(InsightType Type, string Region, string EventSource, string EventName, string? ErrorCode);
