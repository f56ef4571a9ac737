namespace Contrail.Monitoring.Alarms;

/// <summary>One period of the evaluation range: its start (UTC), its statistic and sample count, or no value when nothing was published in it.</summary>
public sealed record PeriodDatapoint(DateTimeOffset Start, double? Value, long SampleCount);
