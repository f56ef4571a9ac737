namespace Contrail.Monitoring.Alarms;

/// <summary>
/// What one evaluation decided: the state, its reason (CloudWatch's <c>StateReason</c> text) and reason
/// data (<c>StateReasonData</c>, JSON), or <see cref="Retain"/> when the alarm keeps its state
/// (<c>ignore</c> with too little data). <see cref="Datapoints"/> is the evaluation range, oldest first.
/// </summary>
public sealed record AlarmEvaluation(AlarmState State, string Reason, string ReasonData, bool Retain, IReadOnlyList<PeriodDatapoint> Datapoints);
