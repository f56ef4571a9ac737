using System.Globalization;
using System.Text;

namespace Contrail.Monitoring.MetricFilters;

/// <summary>
/// Writes the metric filters' metrics in the Prometheus text exposition format, version 0.0.4
/// (docs/dev/metric-filters.md lists every family). CloudWatch metric names and namespaces are label
/// values, not Prometheus metric names, so they need no sanitizing; dimension names become labels
/// <c>dim_NAME</c> with every character outside <c>[A-Za-z0-9_]</c> replaced by <c>_</c>.
/// </summary>
public static class PrometheusExposition
{
    /// <summary>The <c>Content-Type</c> of the text format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>What the consumer reports about itself.</summary>
    /// <param name="Filters">Metric filters defined.</param>
    /// <param name="Records">Journal records read.</param>
    /// <param name="Matches">Filter matches (one record may match several filters, or one filter through several trails).</param>
    /// <param name="Unpublishable">Matches that published nothing (no numeric value or a missing dimension).</param>
    /// <param name="LagBytes">Journal bytes committed but not yet read by the consumer.</param>
    public sealed record SelfMetrics(int Filters, long Records, long Matches, long Unpublishable, long LagBytes);

    /// <summary>The exposition text of <paramref name="samples"/>, completed with a series (total 0) for every filter without dimensions.</summary>
    public static string Write(IReadOnlyList<MetricSample> samples, IEnumerable<MetricFilterDefinition> filters, SelfMetrics self)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(self);

        // CloudWatch emits a filter's defaultValue for a minute in which it matched nothing; filters
        // with a default have no dimensions, so their series is fixed.
        // A filter without dimensions has one series, shown from the start with a total of 0 (so that
        // rate() and increase() work before the first match).
        var defaults = new Dictionary<MetricSeriesKey, double>();
        var series = samples.ToDictionary(s => s.Key);
        foreach (var filter in filters)
        {
            var t = filter.Transformation;
            if (t.Dimensions.Count != 0)
            {
                continue;
            }

            var key = new MetricSeriesKey(t.MetricNamespace, t.MetricName, []);
            series.TryAdd(key, new MetricSample(key, 0, 0, null));
            if (t.DefaultValue is { } value)
            {
                defaults[key] = defaults.GetValueOrDefault(key) + value;
            }
        }

        var ordered = series.Values
            .OrderBy(s => s.Key.Namespace, StringComparer.Ordinal)
            .ThenBy(s => s.Key.Name, StringComparer.Ordinal)
            .ThenBy(s => string.Join('\0', s.Key.Dimensions.Select(d => d.Key + '\0' + d.Value)), StringComparer.Ordinal)
            .ToList();

        var text = new StringBuilder(256 + (ordered.Count * 256));
        Family(text, "contrail_metric_filter_value_total", "counter",
            "Sum of the values metric filters published to each CloudWatch metric (namespace, metric_name, dim_* labels) since the first record.");
        foreach (var sample in ordered)
        {
            Sample(text, "contrail_metric_filter_value_total", sample.Key, sample.Total);
        }

        Family(text, "contrail_metric_filter_published_total", "counter", "Number of values metric filters published to each CloudWatch metric.");
        foreach (var sample in ordered)
        {
            Sample(text, "contrail_metric_filter_published_total", sample.Key, sample.Count);
        }

        Family(text, "contrail_metric_filter_last_minute", "gauge",
            "Sum of the values published in the latest complete UTC minute (by eventTime), or the filters' defaultValue when none was; absent when neither.");
        foreach (var sample in ordered)
        {
            if ((sample.LastMinute ?? (defaults.TryGetValue(sample.Key, out var d) ? d : null)) is { } minute)
            {
                Sample(text, "contrail_metric_filter_last_minute", sample.Key, minute);
            }
        }

        Single(text, "contrail_metric_filters", "gauge", "Metric filters defined.", self.Filters);
        Single(text, "contrail_metric_filter_records_total", "counter", "Journal records the metric filter consumer has read.", self.Records);
        Single(text, "contrail_metric_filter_matches_total", "counter", "Records a metric filter matched (once per filter and trail).", self.Matches);
        Single(text, "contrail_metric_filter_errors_total", "counter",
            "Matches that published nothing: the metricValue selector found no number, or a dimension selector found no value.", self.Unpublishable);
        Single(text, "contrail_metric_filter_journal_lag_bytes", "gauge", "Journal bytes committed but not yet read by the metric filter consumer.", self.LagBytes);
        return text.ToString();
    }

    /// <summary>A label name from a dimension name: <c>dim_</c> and the name with every character outside <c>[A-Za-z0-9_]</c> as <c>_</c>.</summary>
    public static string DimensionLabel(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var label = new StringBuilder("dim_", 4 + name.Length);
        foreach (var c in name)
        {
            label.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return label.ToString();
    }

    internal static void Family(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Single(StringBuilder text, string name, string type, string help, double value)
    {
        Family(text, name, type, help);
        text.Append(name).Append(' ').Append(Number(value)).Append('\n');
    }

    private static void Sample(StringBuilder text, string name, MetricSeriesKey key, double value)
    {
        text.Append(name).Append("{namespace=\"").Append(Escape(key.Namespace)).Append("\",metric_name=\"").Append(Escape(key.Name)).Append('"');
        foreach (var (dimension, dimensionValue) in key.Dimensions)
        {
            text.Append(',').Append(DimensionLabel(dimension)).Append("=\"").Append(Escape(dimensionValue)).Append('"');
        }

        text.Append("} ").Append(Number(value)).Append('\n');
    }

    // Label values escape backslash, double quote and line feed (format 0.0.4).
    internal static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    internal static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
