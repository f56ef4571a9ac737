using System.Text.Json;
using Contrail.Monitoring.MetricFilters;

namespace Contrail.Api.Logs.MetricFilters;

/// <summary>A filter as the <c>MetricFilter</c> shape of the CloudWatch Logs model writes it.</summary>
internal static class MetricFilterJson
{
    public static void Write(Utf8JsonWriter w, MetricFilterDefinition filter)
    {
        var t = filter.Transformation;
        w.WriteStartObject();
        w.WriteString("filterName", filter.FilterName);
        w.WriteString("filterPattern", filter.FilterPattern);
        w.WriteStartArray("metricTransformations");
        w.WriteStartObject();
        w.WriteString("metricName", t.MetricName);
        w.WriteString("metricNamespace", t.MetricNamespace);
        w.WriteString("metricValue", t.MetricValue);
        if (t.DefaultValue is { } defaultValue)
        {
            w.WriteNumber("defaultValue", defaultValue);
        }

        if (t.Dimensions.Count > 0)
        {
            w.WriteStartObject("dimensions");
            foreach (var (name, value) in t.Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                w.WriteString(name, value);
            }

            w.WriteEndObject();
        }

        if (t.Unit is not null)
        {
            w.WriteString("unit", t.Unit);
        }

        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteNumber("creationTime", filter.CreationTime);
        w.WriteString("logGroupName", filter.LogGroupName);
        w.WriteEndObject();
    }
}
