using System.Text;
using Contrail.Monitoring.MetricFilters;

namespace Contrail.Monitoring.Insights;

/// <summary>
/// The Insights baselines in the Prometheus text format, appended to <c>GET /metrics</c>: per series,
/// the baseline mean and standard deviation per minute, the count a minute must exceed, and whether an
/// Insight is in progress — what CloudTrail keeps hidden (docs/dev/insights.md).
/// </summary>
public static class InsightExposition
{
    /// <summary>Appends the families for <paramref name="baselines"/> (nothing when there are none).</summary>
    public static void Write(StringBuilder text, IReadOnlyList<InsightBaseline> baselines)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(baselines);
        if (baselines.Count == 0)
        {
            return;
        }

        var ordered = baselines.OrderBy(b => b.Key.Type).ThenBy(b => b.Key.Region, StringComparer.Ordinal).ThenBy(b => b.Key.EventSource, StringComparer.Ordinal)
            .ThenBy(b => b.Key.EventName, StringComparer.Ordinal).ThenBy(b => b.Key.ErrorCode, StringComparer.Ordinal).ToList();
        Family(text, "contrail_insight_baseline_average", "Mean calls (or errors) per minute over the Insights baseline window.", ordered, b => b.Average);
        Family(text, "contrail_insight_baseline_deviation", "Standard deviation per minute over the Insights baseline window.", ordered, b => b.Deviation);
        Family(text, "contrail_insight_threshold", "Calls (or errors) in a minute above which an Insight starts.", ordered, b => b.Threshold);
        Family(text, "contrail_insight_baseline_minutes", "Minutes in the Insights baseline window.", ordered, b => b.Minutes);
        Family(text, "contrail_insight_active", "1 while an Insight is in progress.", ordered, b => b.Active ? 1 : 0);
    }

    private static void Family(StringBuilder text, string name, string help, List<InsightBaseline> baselines, Func<InsightBaseline, double> value)
    {
        PrometheusExposition.Family(text, name, "gauge", help);
        foreach (var baseline in baselines)
        {
            var key = baseline.Key;
            text.Append(name)
                .Append("{insight_type=\"").Append(key.Type.ToString())
                .Append("\",region=\"").Append(PrometheusExposition.Escape(key.Region))
                .Append("\",event_source=\"").Append(PrometheusExposition.Escape(key.EventSource))
                .Append("\",event_name=\"").Append(PrometheusExposition.Escape(key.EventName))
                .Append("\",error_code=\"").Append(PrometheusExposition.Escape(key.ErrorCode ?? ""))
                .Append("\"} ").Append(PrometheusExposition.Number(value(baseline))).Append('\n');
        }
    }
}
