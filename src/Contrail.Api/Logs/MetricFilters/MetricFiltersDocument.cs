using Contrail.Monitoring.MetricFilters;

namespace Contrail.Api.Logs.MetricFilters;

/// <summary>
/// The persisted form of the metric filter catalog, <c>DATA_DIR/monitoring/metric-filters.json</c>
/// (docs/dev/metric-filters.md): <code>{"Version": 1, "Filters": [MetricFilterDefinition, …]}</code>
/// ordered by log group name, then filter name (ordinal).
/// </summary>
internal sealed record MetricFiltersDocument(int Version, IReadOnlyList<MetricFilterDefinition> Filters)
{
    public const int CurrentVersion = 1;
}
