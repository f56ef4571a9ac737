using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Contrail.Api.Monitoring.Insights;
using Contrail.Api.Tests.Support;
using Contrail.Monitoring.Insights;
using Microsoft.Extensions.DependencyInjection;
using static Contrail.Api.Tests.Monitoring.MetricFilterHarness;

namespace Contrail.Api.Tests.Monitoring.Insights;

/// <summary>
/// Insights end to end: synthetic traffic with known spikes goes in through <c>POST /records</c>, the
/// real AWS CLI turns Insights on and finds the Start and End records with
/// <c>lookup-events --event-category insight</c>, and the trail's <c>CloudTrail-Insight</c> files hold them.
/// A 2-hour baseline and a 1-hour warm-up keep the traffic small; the defaults are tested in Contrail.Monitoring.Tests.
/// </summary>
public sealed class InsightsEndToEndTests
{
    private const string Trail = "insights-trail";
    private const string Bucket = "insights-bucket";

    private static readonly InsightOptions Short = new() { Baseline = TimeSpan.FromHours(2), WarmUp = TimeSpan.FromHours(1) };

    private static Task<TestServer> StartAsync(string? directory = null) =>
        TestServer.StartAsync(directory, configure: s => s with { Insights = Short });

    private static async Task EnableAsync(TestServer server)
    {
        await OkAsync(server, "cloudtrail", "create-trail", "--name", Trail, "--s3-bucket-name", Bucket);
        await OkAsync(server, "cloudtrail", "start-logging", "--name", Trail);
        await OkAsync(server, "cloudtrail", "put-insight-selectors", "--trail-name", Trail,
            "--insight-selectors", "[{\"InsightType\":\"ApiCallRateInsight\"},{\"InsightType\":\"ApiErrorRateInsight\"}]");
    }

    private static string Record(DateTimeOffset time, string name, string? errorCode = null, string user = "alice") =>
        $$"""{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::{{TestServer.AccountId}}:user/{{user}}","accountId":"{{TestServer.AccountId}}","userName":"{{user}}"},"eventTime":"{{time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}","eventSource":"s3.amazonaws.com","eventName":"{{name}}","awsRegion":"us-east-1","sourceIPAddress":"192.0.2.7","userAgent":"aws-cli/2.15",{{(errorCode is null ? "" : $"\"errorCode\":\"{errorCode}\",\"errorMessage\":\"Access Denied\",")}}"requestID":"{{Guid.NewGuid()}}","eventID":"{{Guid.NewGuid()}}","readOnly":false,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"{{TestServer.AccountId}}","eventCategory":"Management"}""";

    /// <summary>
    /// From <paramref name="t"/> − 180 to − 5 minutes: 1 to 3 PutBucketPolicy calls a minute; 40 at − 30 and − 29
    /// (a call-rate Insight); 15 failed DeleteBucket calls at − 20, a call never seen before (a call-rate and an error-rate Insight).
    /// </summary>
    private static List<string> Traffic(DateTimeOffset t)
    {
        var records = new List<string>();
        for (var m = -180; m < -5; m++)
        {
            var minute = t.AddMinutes(m);
            var count = m is -30 or -29 ? 40 : 1 + ((m + 180) % 3);
            for (var i = 0; i < count; i++)
            {
                records.Add(Record(minute.AddSeconds(i % 60), "PutBucketPolicy", user: m is -30 or -29 && i % 2 == 0 ? "mallory" : "alice"));
            }

            if (m == -20)
            {
                for (var i = 0; i < 15; i++)
                {
                    records.Add(Record(minute.AddSeconds(i), "DeleteBucket", "AccessDenied", "mallory"));
                }
            }
        }

        return records;
    }

    private static async Task PostAsync(TestServer server, List<string> records)
    {
        var response = await server.Client.PutRecordsAsync(Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(",", records) + "]}"), gzip: false);
        response.IsSuccess.ShouldBeTrue(response.Body);
        JsonDocument.Parse(response.Body).RootElement.GetProperty("successful").GetArrayLength().ShouldBe(records.Count);
    }

    private static async Task<List<JsonElement>> InsightEventsAsync(TestServer server, int expected) =>
        await Eventually.WaitAsync(
            async () => (await OkAsync(server, "cloudtrail", "lookup-events", "--event-category", "insight", "--max-results", "50"))
                .GetProperty("Events").EnumerateArray().ToList(),
            events => events.Count >= expected,
            TimeSpan.FromSeconds(60),
            $"{expected} Insights events in event history");

    private static DateTimeOffset ThisMinute()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
    }

    [Fact]
    public async Task KnownSpikes_AreStartedAndEnded_InEventHistoryAndTheTrailsInsightFiles()
    {
        await using var server = await StartAsync();
        await EnableAsync(server);
        var t = ThisMinute();

        await PostAsync(server, Traffic(t));

        var events = await InsightEventsAsync(server, 6);
        events.Count.ShouldBe(6);
        var records = events.Select(e => JsonDocument.Parse(e.GetProperty("CloudTrailEvent").GetString()!).RootElement.Clone()).ToList();
        var summary = records.Select(r => r.GetProperty("insightDetails")).Select(d =>
            $"{d.GetProperty("insightType").GetString()} {d.GetProperty("eventName").GetString()} {(d.TryGetProperty("errorCode", out var c) ? c.GetString() : "-")} {d.GetProperty("state").GetString()}")
            .Order(StringComparer.Ordinal).ToList();
        summary.ShouldBe([
            "ApiCallRateInsight DeleteBucket - End",
            "ApiCallRateInsight DeleteBucket - Start",
            "ApiCallRateInsight PutBucketPolicy - End",
            "ApiCallRateInsight PutBucketPolicy - Start",
            "ApiErrorRateInsight DeleteBucket AccessDenied End",
            "ApiErrorRateInsight DeleteBucket AccessDenied Start",
        ]);

        var start = records.Single(r => r.GetProperty("insightDetails").GetProperty("eventName").GetString() == "PutBucketPolicy"
            && r.GetProperty("insightDetails").GetProperty("state").GetString() == "Start");
        var end = records.Single(r => r.GetProperty("insightDetails").GetProperty("eventName").GetString() == "PutBucketPolicy"
            && r.GetProperty("insightDetails").GetProperty("state").GetString() == "End");
        start.GetProperty("eventType").GetString().ShouldBe("AwsCloudTrailInsight");
        start.GetProperty("eventCategory").GetString().ShouldBe("Insight");
        start.GetProperty("eventTime").GetString().ShouldBe(t.AddMinutes(-30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        end.GetProperty("eventTime").GetString().ShouldBe(t.AddMinutes(-28).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        end.GetProperty("sharedEventID").GetString().ShouldBe(start.GetProperty("sharedEventID").GetString());
        var statistics = end.GetProperty("insightDetails").GetProperty("insightContext").GetProperty("statistics");
        statistics.GetProperty("insight").GetProperty("average").GetDouble().ShouldBe(40);
        statistics.GetProperty("insightDuration").GetInt32().ShouldBe(2);
        statistics.GetProperty("baseline").GetProperty("average").GetDouble().ShouldBe(2.0, 0.05);
        var users = end.GetProperty("insightDetails").GetProperty("insightContext").GetProperty("attributions")[0];
        users.GetProperty("attribute").GetString().ShouldBe("userIdentityArn");
        users.GetProperty("insight").EnumerateArray().Select(v => v.GetProperty("value").GetString())
            .ShouldBe([$"arn:aws:iam::{TestServer.AccountId}:user/alice", $"arn:aws:iam::{TestServer.AccountId}:user/mallory"]);
        users.GetProperty("baseline").EnumerateArray().Select(v => v.GetProperty("value").GetString()).ShouldBe([$"arn:aws:iam::{TestServer.AccountId}:user/alice"]);

        // Each record is also a CloudTrail-Insight log file of the trail: one record per file, named for the record's minute.
        var files = Directory.GetFiles(Path.Combine(server.DataDirectory, "buckets", Bucket, "AWSLogs", TestServer.AccountId, "CloudTrail-Insight"), "*.json.gz", SearchOption.AllDirectories);
        files.Length.ShouldBe(6);
        var fileIds = files.Select(f =>
        {
            using var gzip = new GZipStream(File.OpenRead(f), CompressionMode.Decompress);
            var root = JsonDocument.Parse(gzip).RootElement;
            var record = root.GetProperty("Records").EnumerateArray().ShouldHaveSingleItem();
            Path.GetFileName(f).ShouldStartWith($"{TestServer.AccountId}_CloudTrail-Insight_us-east-1_");
            return record.GetProperty("eventID").GetString();
        }).Order(StringComparer.Ordinal);
        fileIds.ShouldBe(records.Select(r => r.GetProperty("eventID").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Replay_AfterTheStateIsLost_WritesTheSameEventsAndFilesAgainWithoutDuplicates()
    {
        var directory = TempDirectory.Create("insights-replay");
        try
        {
            string[] before;
            await using (var server = await StartAsync(directory))
            {
                await EnableAsync(server);
                await PostAsync(server, Traffic(ThisMinute()));
                (await InsightEventsAsync(server, 6)).Count.ShouldBe(6);
                before = Directory.GetFiles(Path.Combine(directory, "buckets", Bucket), "*.json.gz", SearchOption.AllDirectories)
                    .Where(f => f.Contains("CloudTrail-Insight", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
            }

            // As if the process died after writing the Insights and before saving the detector's state.
            File.Delete(Path.Combine(directory, "monitoring", "insights.json"));
            await using (var server = await StartAsync(directory))
            {
                var consumer = server.Services.GetRequiredService<InsightsConsumer>();
                await Eventually.WaitAsync(() => Task.FromResult(consumer.Emitted), e => e >= 6, TimeSpan.FromSeconds(60), "the replay re-emitting the 6 records");
                var events = await InsightEventsAsync(server, 6);
                events.Count.ShouldBe(6);
                Directory.GetFiles(Path.Combine(directory, "buckets", Bucket), "*.json.gz", SearchOption.AllDirectories)
                    .Where(f => f.Contains("CloudTrail-Insight", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray().ShouldBe(before);
            }
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public async Task NoTrailWithInsights_NothingIsRecorded_ButTheBaselineIsKeptAndShownOnMetrics()
    {
        await using var server = await TestServer.StartAsync(configure: s => s with { Insights = Short, MetricsEndpoint = true });
        await OkAsync(server, "cloudtrail", "create-trail", "--name", Trail, "--s3-bucket-name", Bucket);
        await OkAsync(server, "cloudtrail", "start-logging", "--name", Trail);
        await PostAsync(server, Traffic(ThisMinute()));
        var consumer = server.Services.GetRequiredService<InsightsConsumer>();

        var baselines = await Eventually.WaitAsync(() => Task.FromResult(consumer.Baselines()),
            b => b.Any(x => x.Key.EventName == "PutBucketPolicy" && x.Minutes > 100), TimeSpan.FromSeconds(30), "a baseline for PutBucketPolicy");

        var put = baselines.Single(b => b.Key is { Type: InsightType.ApiCallRateInsight, EventName: "PutBucketPolicy" });
        put.Average.ShouldBeGreaterThan(2);
        put.Threshold.ShouldBeGreaterThanOrEqualTo(10);
        consumer.Emitted.ShouldBe(0);
        var exposition = await GetMetricsAsync(server.Endpoint);
        var labels = $"{{insight_type=\"ApiCallRateInsight\",region=\"us-east-1\",event_source=\"s3.amazonaws.com\",event_name=\"PutBucketPolicy\",error_code=\"\"}}";
        exposition.ShouldContain("# TYPE contrail_insight_threshold gauge\n");
        exposition.ShouldContain($"\ncontrail_insight_baseline_minutes{labels} ");
        exposition.ShouldContain($"\ncontrail_insight_active{labels} 0\n");
        (await OkAsync(server, "cloudtrail", "lookup-events", "--event-category", "insight")).GetProperty("Events").GetArrayLength().ShouldBe(0);
    }
}
