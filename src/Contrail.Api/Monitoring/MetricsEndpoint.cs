using System.Text;
using Contrail.Api.Logs.MetricFilters;
using Contrail.Api.Monitoring.Insights;
using Contrail.Api.Service;
using Contrail.Monitoring.Insights;
using Contrail.Monitoring.MetricFilters;
using Microsoft.AspNetCore.Http;

namespace Contrail.Api.Monitoring;

/// <summary>
/// <c>GET /metrics</c>: the metric filters' metrics and the Insights baselines in the Prometheus text format (version 0.0.4),
/// served only when enabled (<c>serve --metrics</c>), without authentication and without an audit
/// record, like <c>/health</c> (docs/dev/metric-filters.md gives the reasoning). Only a GET or HEAD
/// of exactly <c>/metrics</c> with no query string and no <c>Authorization</c> header is taken, so
/// signed S3 requests for a bucket named <c>metrics</c> still reach S3.
/// </summary>
internal sealed class MetricsEndpoint(ContrailSettings settings, MetricFilterConsumer consumer, MetricFilterCatalog filters,
    Contrail.Journal.Journal journal, TimeProvider time, InsightsConsumer insights)
{
    public bool Handles(HttpRequest request) =>
        settings.MetricsEndpoint
        && request.Path.Equals("/metrics", StringComparison.Ordinal)
        && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.QueryString.HasValue
        && !request.Headers.ContainsKey("Authorization");

    public string Render()
    {
        var points = consumer.Points;
        var (records, matches, unpublishable) = points.Counters;
        var definitions = filters.List();
        var self = new PrometheusExposition.SelfMetrics(definitions.Count, records, matches, unpublishable,
            Math.Max(0, journal.CommittedPosition - points.Position));
        var text = new StringBuilder(PrometheusExposition.Write(points.Samples(time.GetUtcNow()), definitions, self));
        InsightExposition.Write(text, insights.Baselines());
        return text.ToString();
    }

    public async Task WriteAsync(HttpContext http)
    {
        var body = Encoding.UTF8.GetBytes(Render());
        http.Response.StatusCode = 200;
        http.Response.ContentType = PrometheusExposition.ContentType;
        http.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(body, http.RequestAborted).ConfigureAwait(false);
        }
    }
}
