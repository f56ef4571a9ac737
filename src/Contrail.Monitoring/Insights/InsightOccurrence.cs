namespace Contrail.Monitoring.Insights;

/// <summary>A Start or End of an Insight, everything its record (<see cref="InsightRecord"/>) says.</summary>
/// <param name="Key">The series.</param>
/// <param name="Category">The eventCategory of the calls counted (Management or Data).</param>
/// <param name="State">Start or End.</param>
/// <param name="EventId">This record's eventID: derived from the series, the start minute and the state, so a replay makes the same.</param>
/// <param name="SharedEventId">Shared by the Start and End of one Insight.</param>
/// <param name="EventTime">Start: the first anomalous minute; End: the first minute back under the threshold.</param>
/// <param name="BaselineAverage">Mean per minute over the baseline window before the start.</param>
/// <param name="BaselineDeviation">Standard deviation per minute over that window (not in CloudTrail's record).</param>
/// <param name="Threshold">The count a minute had to exceed (not in CloudTrail's record).</param>
/// <param name="InsightAverage">Start: the first minute's count; End: the mean over the anomalous minutes.</param>
/// <param name="InsightDuration">Minutes: 1 at Start; the anomalous minutes at End.</param>
/// <param name="BaselineDuration">Minutes in the baseline window.</param>
/// <param name="Attributions">userIdentityArn, userAgent and errorCode, in that order.</param>
public sealed record InsightOccurrence(
    InsightSeriesKey Key,
    string Category,
    InsightState State,
    string EventId,
    string SharedEventId,
    DateTimeOffset EventTime,
    double BaselineAverage,
    double BaselineDeviation,
    double Threshold,
    double InsightAverage,
    long InsightDuration,
    long BaselineDuration,
    IReadOnlyList<InsightAttribution> Attributions);
