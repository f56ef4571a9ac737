namespace Contrail.Monitoring.Insights;

/// <summary>What the detector reads of one journaled record.</summary>
/// <param name="EventTime">The record's eventTime (bucketed by the minute).</param>
/// <param name="Region">awsRegion.</param>
/// <param name="EventSource">eventSource.</param>
/// <param name="EventName">eventName.</param>
/// <param name="Category">eventCategory: Management or Data count; anything else is ignored.</param>
/// <param name="ReadOnly">readOnly (only write management calls count for ApiCallRateInsight).</param>
/// <param name="ErrorCode">errorCode, or null when the call succeeded.</param>
/// <param name="UserIdentityArn">userIdentity.arn, for attributions.</param>
/// <param name="UserAgent">userAgent, for attributions.</param>
public readonly record struct InsightCall(
    DateTimeOffset EventTime,
    string Region,
    string EventSource,
    string EventName,
    string Category,
    bool ReadOnly,
    string? ErrorCode,
    string? UserIdentityArn,
    string? UserAgent);
