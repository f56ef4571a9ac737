namespace Contrail.Api.CloudWatch.Alarms;

/// <summary>What <see cref="AlarmCatalog.Put"/> did.</summary>
internal enum AlarmPutOutcome
{
    Added,
    Updated,
    LimitReached,
}
