namespace Contrail.Api.CloudWatch.Alarms;

/// <summary>One dimension of an alarm's metric.</summary>
internal sealed record AlarmDimension(string Name, string Value);
