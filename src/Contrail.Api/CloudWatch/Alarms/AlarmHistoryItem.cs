namespace Contrail.Api.CloudWatch.Alarms;

/// <summary>
/// One entry of an alarm's history (CloudWatch's <c>AlarmHistoryItem</c>): <paramref name="Sequence"/> orders
/// entries (and is the paging position), <paramref name="Timestamp"/> is Unix milliseconds,
/// <paramref name="HistoryItemType"/> <c>ConfigurationUpdate</c> or <c>StateUpdate</c>, <paramref name="HistoryData"/> JSON text.
/// </summary>
internal sealed record AlarmHistoryItem(long Sequence, string AlarmName, long Timestamp, string HistoryItemType, string HistorySummary, string HistoryData);
