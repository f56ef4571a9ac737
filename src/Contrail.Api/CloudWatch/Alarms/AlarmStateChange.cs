namespace Contrail.Api.CloudWatch.Alarms;

/// <summary>
/// One state transition, as the catalog committed it: the alarm after the change (its new state, reason and
/// <c>StateUpdatedTimestamp</c>) and the state it left.
/// </summary>
internal sealed record AlarmStateChange(MetricAlarm Alarm, string PreviousState, string PreviousReason, long PreviousTimestamp);
