using System.Net;
using System.Text;
using System.Text.Json;
using Contrail.Api.Tests.Support;
using Contrail.Monitoring.FilterPatterns;
using Contrail.Tests.Support;
using static Contrail.Api.Tests.Monitoring.MetricFilterHarness;

namespace Contrail.Api.Tests.Monitoring;

/// <summary>
/// A trail that sends to a log group with the CIS pack on it (<c>serve --cis-metric-filters</c>), the
/// real sample records ingested while it logs, and <c>GET /metrics</c> (<c>serve --metrics</c>): every
/// filter's total equals the count of the hand-written reading over what the trail logged, also after a restart.
/// </summary>
public sealed class MetricsEndToEndTests
{
    private const string TrailName = "contrail-metrics-e2e";

    [Fact]
    public async Task CisPack_OnIngestedSamples_MetricsShowTheIndependentCounts_AndSurviveARestart()
    {
        var directory = TempDirectory.Create("metrics-e2e");
        try
        {
            Dictionary<string, double> expected;
            await using (var server = await StartAsync(directory))
            {
                await CreateTrailAsync(server, TrailName);
                var installed = await OkAsync(server, "logs", "describe-metric-filters", "--log-group-name", LogGroup);
                installed.GetProperty("metricFilters").GetArrayLength().ShouldBe(CisPack.Filters.Count);
                await OkAsync(server, "cloudtrail", "start-logging", "--name", TrailName);

                var samples = SampleRecords.Files().SelectMany(SampleRecords.Read).ToList();
                var body = Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(",", samples.Select(r => Encoding.UTF8.GetString(SampleRecords.Compact(r)))) + "]}");
                var response = await server.Client.PutRecordsAsync(body, gzip: false);
                response.IsSuccess.ShouldBeTrue(response.Body);
                var accepted = JsonDocument.Parse(response.Body).RootElement.GetProperty("successful").EnumerateArray()
                    .Select(s => samples[s.GetProperty("index").GetInt32()]).ToList();
                accepted.Count.ShouldBe(312); // the 103 OTRF records have no eventTime and are refused

                await OkAsync(server, "cloudtrail", "stop-logging", "--name", TrailName);

                // What the trail logged: the accepted samples that are management events (its default
                // selectors), and the service's own StartLogging and StopLogging records (the calls
                // in between are the ingestion, a data event). Read back from event history.
                var switches = await Eventually.WaitAsync(
                    () => OkAsync(server, "cloudtrail", "lookup-events", "--lookup-attributes", "AttributeKey=EventSource,AttributeValue=cloudtrail.amazonaws.com"),
                    r => r.GetProperty("Events").EnumerateArray().Count(e => e.GetProperty("EventName").GetString() is "StartLogging" or "StopLogging") == 2,
                    what: "StartLogging and StopLogging in event history");
                var own = switches.GetProperty("Events").EnumerateArray()
                    .Where(e => e.GetProperty("EventName").GetString() is "StartLogging" or "StopLogging")
                    .Select(e => JsonDocument.Parse(e.GetProperty("CloudTrailEvent").GetString()!).RootElement.Clone());
                var logged = accepted.Where(r => !(r.TryGetProperty("managementEvent", out var m) && m.ValueKind == JsonValueKind.False)).Concat(own).ToList();
                expected = CisPack.Filters.ToDictionary(f => $"{CisPack.MetricNamespace}/{f.MetricName}", f => (double)logged.Count(CisReadings.Expected[f.Id]));
                expected.Values.Count(v => v > 0).ShouldBeGreaterThanOrEqualTo(6);

                var metrics = await Eventually.WaitAsync(() => GetMetricsAsync(server.Endpoint), m => Totals(m).Count == expected.Count
                    && expected.All(e => Totals(m)[e.Key] == e.Value), what: "the CIS totals in /metrics");
                Single(metrics, "contrail_metric_filters").ShouldBe(CisPack.Filters.Count);
                Single(metrics, "contrail_metric_filter_errors_total").ShouldBe(0);
                Single(metrics, "contrail_metric_filter_matches_total").ShouldBe(expected.Values.Sum());
            }

            await using (var restarted = await StartAsync(directory))
            {
                // Read at once: the totals come from the saved points, not from a new pass.
                Totals(await GetMetricsAsync(restarted.Endpoint)).ShouldBe(expected, ignoreOrder: true);
                await Eventually.WaitAsync(() => GetMetricsAsync(restarted.Endpoint),
                    m => Single(m, "contrail_metric_filter_journal_lag_bytes") == 0, what: "the consumer caught up after the restart");
                Totals(await GetMetricsAsync(restarted.Endpoint)).ShouldBe(expected, ignoreOrder: true);
            }
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public async Task Metrics_WithoutTheOption_IsNotServed()
    {
        await using var server = await TestServer.StartAsync();
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(server.Endpoint, "/metrics"));

        // Without --metrics, GET /metrics is what it always was: an unsigned S3 request, refused.
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<Code>AccessDenied</Code>");
    }

    [Fact]
    public async Task Metrics_WithAFilterOnAFieldAndDimensions_PublishesTheFieldsValuePerDimension()
    {
        await using var server = await StartAsync(null, cis: false);
        await CreateTrailAsync(server, TrailName);
        await OkAsync(server, "logs", "put-metric-filter", "--log-group-name", LogGroup, "--filter-name", "bytes",
            "--filter-pattern", "{ $.eventName = Transfer }",
            "--metric-transformations", "metricName=Bytes,metricNamespace=App,metricValue=$.additionalEventData.bytes,dimensions={Source=$.eventSource}");
        await OkAsync(server, "logs", "put-metric-filter", "--log-group-name", LogGroup, "--filter-name", "quiet",
            "--filter-pattern", "{ $.eventName = NeverHappens }", "--metric-transformations", "metricName=Quiet,metricNamespace=App,metricValue=1,defaultValue=0");
        await OkAsync(server, "cloudtrail", "start-logging", "--name", TrailName);

        string Record(string source, string bytes) =>
            $$$"""{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"u"},"eventTime":"{{{DateTime.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'}}}","eventSource":"{{{source}}}","eventName":"Transfer","additionalEventData":{"bytes":{{{bytes}}}}}""";
        var body = $$"""{"Records":[{{Record("a.example.com", "100")}},{{Record("a.example.com", "\"23.5\"")}},{{Record("b.example.com", "7")}},{{Record("b.example.com", "\"lots\"")}}]}""";
        (await server.Client.PutRecordsAsync(Encoding.UTF8.GetBytes(body), gzip: false)).IsSuccess.ShouldBeTrue();

        var metrics = await Eventually.WaitAsync(() => GetMetricsAsync(server.Endpoint),
            m => m.Contains("dim_Source=\"b.example.com\"} 7\n", StringComparison.Ordinal) && Single(m, "contrail_metric_filter_errors_total") == 1,
            what: "the bytes per source");
        metrics.ShouldContain("contrail_metric_filter_value_total{namespace=\"App\",metric_name=\"Bytes\",dim_Source=\"a.example.com\"} 123.5\n");
        metrics.ShouldContain("contrail_metric_filter_published_total{namespace=\"App\",metric_name=\"Bytes\",dim_Source=\"a.example.com\"} 2\n");
        metrics.ShouldContain("contrail_metric_filter_value_total{namespace=\"App\",metric_name=\"Quiet\"} 0\n");
        metrics.ShouldContain("contrail_metric_filter_last_minute{namespace=\"App\",metric_name=\"Quiet\"} 0\n");
    }

    private static Task<TestServer> StartAsync(string? directory, bool cis = true) =>
        TestServer.StartAsync(directory, configure: s => s with { MetricsEndpoint = true, CisMetricFiltersLogGroup = cis ? LogGroup : null });
}
