namespace Contrail.Api.CloudWatch.Alarms;

/// <summary>
/// The persisted alarm catalog, <c>DATA_DIR/monitoring/alarms.json</c> (docs/dev/alarms.md):
/// <code>{"Version": 1, "NextSequence": N, "Alarms": [MetricAlarm, …], "History": [AlarmHistoryItem, …]}</code>
/// alarms ordered by name (ordinal), history by sequence.
/// </summary>
internal sealed record AlarmsDocument(int Version, long NextSequence, IReadOnlyList<MetricAlarm> Alarms, IReadOnlyList<AlarmHistoryItem> History)
{
    public const int CurrentVersion = 1;
}
