namespace Contrail.Api.Logs.MetricFilters;

/// <summary>What <see cref="MetricFilterCatalog.Put"/> did.</summary>
internal enum MetricFilterPutOutcome
{
    Added,
    Replaced,
    LimitReached,
}
