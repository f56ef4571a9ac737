using Contrail.Api.Logs.MetricFilters;
using Contrail.Monitoring.FilterPatterns;
using Contrail.Monitoring.MetricFilters;

namespace Contrail.Api.Monitoring;

/// <summary>
/// <c>serve --cis-metric-filters LOG_GROUP</c>: puts the CIS pack (<see cref="CisPack.Filters"/>) on a log
/// group at start, one filter per row of spec §8.2, named <c>cis-ID-METRIC</c> (<c>cis-3-RootAccountUsage</c>),
/// publishing <see cref="CisPack.MetricValue"/> to <c>CISBenchmark/METRIC</c>. Idempotent: a start with the
/// option again replaces the same filters (keeping their creation time); filters of other names stay.
/// The filters are put whether or not a trail names the log group yet; they apply once one does.
/// </summary>
internal static class CisMetricFilters
{
    public static string FilterName(CisFilter filter) => $"cis-{filter.Id}-{filter.MetricName}";

    public static void Install(MetricFilterCatalog catalog, string logGroup, TimeProvider time)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var filter in CisPack.Filters)
        {
            var definition = new MetricFilterDefinition(logGroup, FilterName(filter), filter.Pattern,
                new MetricTransformation(filter.MetricName, CisPack.MetricNamespace, CisPack.MetricValue, null, new Dictionary<string, string>(), "Count"), now);
            if (catalog.Put(definition) == MetricFilterPutOutcome.LimitReached)
            {
                throw new InvalidOperationException(
                    $"The log group {logGroup} already has {MetricFilterCatalog.MaxPerLogGroup} metric filters; the CIS pack's {CisPack.Filters.Count} do not fit.");
            }
        }
    }
}
