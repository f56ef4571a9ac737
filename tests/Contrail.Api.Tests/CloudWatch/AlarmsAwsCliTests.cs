using System.Text;
using System.Text.Json;
using Contrail.Api.CloudWatch.Alarms;
using Contrail.Api.Monitoring;
using Contrail.Api.Tests.Support;
using Contrail.Monitoring.MetricFilters;
using Microsoft.Extensions.DependencyInjection;
using static Contrail.Api.Tests.Monitoring.MetricFilterHarness;

namespace Contrail.Api.Tests.CloudWatch;

/// <summary>
/// CloudWatch metric alarms through the real AWS CLI (<c>aws cloudwatch …</c>, AWS JSON 1.0): an alarm on a
/// metric filter's metric, driven by a server clock the test steps minute by minute.
/// </summary>
public sealed class AlarmsAwsCliTests
{
    private const string TrailName = "contrail-alarms";

    [Fact]
    public async Task PutMetricAlarm_OnAMetricFiltersMetric_GoesOkThenAlarm_WithHistoryEventsAndTheStateChangeFile()
    {
        var clock = new SteppingClock(DateTimeOffset.UtcNow);
        await using var server = await TestServer.StartAsync(time: clock);
        var changes = new List<AlarmStateChange>();
        var catalog = server.Services.GetRequiredService<AlarmCatalog>();
        catalog.StateChanged += c => { lock (changes) { changes.Add(c); } };
        var evaluator = server.Services.GetRequiredService<AlarmEvaluationService>();

        await CreateTrailAsync(server, TrailName);
        await OkAsync(server, "logs", "put-metric-filter", "--log-group-name", LogGroup, "--filter-name", "transfers",
            "--filter-pattern", "{ $.eventName = Transfer }", "--metric-transformations", "metricName=Transfers,metricNamespace=App,metricValue=1");
        await OkAsync(server, "cloudtrail", "start-logging", "--name", TrailName);
        await OkAsync(server, "cloudwatch", "put-metric-alarm", "--alarm-name", "transfers-high", "--alarm-description", "Too many transfers",
            "--metric-name", "Transfers", "--namespace", "App", "--statistic", "Sum", "--period", "60", "--evaluation-periods", "1",
            "--threshold", "2", "--comparison-operator", "GreaterThanOrEqualToThreshold", "--treat-missing-data", "notBreaching");

        var created = (await OkAsync(server, "cloudwatch", "describe-alarms")).GetProperty("MetricAlarms").EnumerateArray().Single();
        created.GetProperty("AlarmName").GetString().ShouldBe("transfers-high");
        created.GetProperty("AlarmArn").GetString().ShouldBe($"arn:aws:cloudwatch:{TestServer.Region}:{TestServer.AccountId}:alarm:transfers-high");
        created.GetProperty("StateValue").GetString().ShouldBe("INSUFFICIENT_DATA");
        created.GetProperty("StateReason").GetString().ShouldBe("Unchecked: Initial alarm creation");
        created.GetProperty("Threshold").GetDouble().ShouldBe(2);
        created.GetProperty("TreatMissingData").GetString().ShouldBe("notBreaching");

        // Minute 1: nothing published yet; missing data is not breaching.
        var first = NextMinute(clock.GetUtcNow()).AddSeconds(1);
        clock.AdvanceTo(first);
        await Eventually.WaitAsync(() => Task.FromResult(evaluator.Evaluations), n => n >= 1, what: "the first evaluation");
        var ok = await DescribeOneAsync(server);
        ok.GetProperty("StateValue").GetString().ShouldBe("OK");
        ok.GetProperty("StateReason").GetString().ShouldBe("Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [NonBreaching].");

        // Three matching records in this minute: Sum 3 >= 2 once the minute is complete.
        string Record() =>
            $$$"""{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"u"},"eventTime":"{{{first:yyyy-MM-dd'T'HH:mm:ss'Z'}}}","eventSource":"a.example.com","eventName":"Transfer"}""";
        var body = $$"""{"Records":[{{Record()}},{{Record()}},{{Record()}}]}""";
        (await server.Client.PutRecordsAsync(Encoding.UTF8.GetBytes(body), gzip: false)).IsSuccess.ShouldBeTrue();
        var points = server.Services.GetRequiredService<MetricFilterConsumer>().Points;
        var minute = NextMinute(first).AddMinutes(-1);
        await Eventually.WaitAsync(() => Task.FromResult(points.Range(new MetricSeriesKey("App", "Transfers", []), minute, minute.AddMinutes(1))),
            r => r.Count == 1 && r[0].Sum == 3, what: "the three transfers in the metric points");

        clock.AdvanceTo(NextMinute(first).AddSeconds(1));
        await Eventually.WaitAsync(() => Task.FromResult(evaluator.Evaluations), n => n >= 2, what: "the second evaluation");
        var alarm = await DescribeOneAsync(server);
        alarm.GetProperty("StateValue").GetString().ShouldBe("ALARM");
        alarm.GetProperty("StateReason").GetString().ShouldBe(
            $"Threshold Crossed: 1 datapoint [3.0 ({minute:dd/MM/yy HH:mm:ss})] was greater than or equal to the threshold (2.0).");
        var reasonData = JsonDocument.Parse(alarm.GetProperty("StateReasonData").GetString()!).RootElement;
        reasonData.GetProperty("statistic").GetString().ShouldBe("Sum");
        reasonData.GetProperty("evaluatedDatapoints")[0].GetProperty("value").GetDouble().ShouldBe(3);
        (await OkAsync(server, "cloudwatch", "describe-alarms", "--state-value", "ALARM")).GetProperty("MetricAlarms").GetArrayLength().ShouldBe(1);
        (await OkAsync(server, "cloudwatch", "describe-alarms", "--state-value", "OK")).GetProperty("MetricAlarms").GetArrayLength().ShouldBe(0);

        var history = (await OkAsync(server, "cloudwatch", "describe-alarm-history", "--alarm-name", "transfers-high"))
            .GetProperty("AlarmHistoryItems").EnumerateArray().ToList();
        history.Select(h => h.GetProperty("HistorySummary").GetString()).ShouldBe(
            ["Alarm updated from OK to ALARM", "Alarm updated from INSUFFICIENT_DATA to OK", "Alarm \"transfers-high\" created"]);
        history[0].GetProperty("HistoryItemType").GetString().ShouldBe("StateUpdate");
        var data = JsonDocument.Parse(history[0].GetProperty("HistoryData").GetString()!).RootElement;
        data.GetProperty("oldState").GetProperty("stateValue").GetString().ShouldBe("OK");
        data.GetProperty("newState").GetProperty("stateReasonData").GetProperty("evaluatedDatapoints")[0].GetProperty("value").GetDouble().ShouldBe(3);
        (await OkAsync(server, "cloudwatch", "describe-alarm-history", "--alarm-name", "transfers-high", "--history-item-type", "ConfigurationUpdate"))
            .GetProperty("AlarmHistoryItems").GetArrayLength().ShouldBe(1);

        lock (changes)
        {
            changes.Select(c => (c.PreviousState, c.Alarm.StateValue)).ShouldBe([("INSUFFICIENT_DATA", "OK"), ("OK", "ALARM")]);
        }

        var lines = File.ReadAllLines(catalog.StateChangesPath);
        lines.Length.ShouldBe(2);
        var last = JsonDocument.Parse(lines[1]).RootElement;
        last.GetProperty("detail-type").GetString().ShouldBe("CloudWatch Alarm State Change");
        last.GetProperty("source").GetString().ShouldBe("aws.cloudwatch");
        last.GetProperty("resources")[0].GetString().ShouldBe(alarm.GetProperty("AlarmArn").GetString());
        last.GetProperty("detail").GetProperty("state").GetProperty("value").GetString().ShouldBe("ALARM");
        last.GetProperty("detail").GetProperty("previousState").GetProperty("value").GetString().ShouldBe("OK");
        last.GetProperty("detail").GetProperty("configuration").GetProperty("metrics")[0].GetProperty("metricStat").GetProperty("metric")
            .GetProperty("name").GetString().ShouldBe("Transfers");

        // Two minutes later the minute with data has left the 1-period window but is still in the evaluation
        // range (3 periods): the alarm stays. After that only missing data remains: notBreaching, OK.
        clock.AdvanceTo(NextMinute(first).AddMinutes(2).AddSeconds(1));
        await Eventually.WaitAsync(() => Task.FromResult(evaluator.Evaluations), n => n >= 3, what: "the third evaluation");
        (await DescribeOneAsync(server)).GetProperty("StateValue").GetString().ShouldBe("ALARM");
        clock.AdvanceTo(NextMinute(first).AddMinutes(3).AddSeconds(1));
        await Eventually.WaitAsync(() => Task.FromResult(evaluator.Evaluations), n => n >= 4, what: "the fourth evaluation");
        (await DescribeOneAsync(server)).GetProperty("StateValue").GetString().ShouldBe("OK");
    }

    [Fact]
    public async Task Alarms_DescribeFiltersPagingSetStateActionsDelete_AndSurviveARestart()
    {
        var directory = TempDirectory.Create("alarms");
        try
        {
            // A clock that is never advanced: no evaluation runs, so the states are the ones the calls set.
            await using (var server = await TestServer.StartAsync(directory, new SteppingClock(DateTimeOffset.UtcNow)))
            {
                foreach (var name in new[] { "a-one", "a-two", "b-one" })
                {
                    await PutAsync(server, name);
                }

                Names(await OkAsync(server, "cloudwatch", "describe-alarms", "--alarm-name-prefix", "a-")).ShouldBe(["a-one", "a-two"]);
                Names(await OkAsync(server, "cloudwatch", "describe-alarms", "--alarm-names", "b-one", "a-one")).ShouldBe(["a-one", "b-one"]);
                Names(await OkAsync(server, "cloudwatch", "describe-alarms", "--page-size", "1")).ShouldBe(["a-one", "a-two", "b-one"]);
                var firstPage = await OkAsync(server, "cloudwatch", "describe-alarms", "--max-items", "2");
                Names(firstPage).ShouldBe(["a-one", "a-two"]);
                Names(await OkAsync(server, "cloudwatch", "describe-alarms", "--starting-token", firstPage.GetProperty("NextToken").GetString()!)).ShouldBe(["b-one"]);
                Names(await OkAsync(server, "cloudwatch", "describe-alarms", "--alarm-types", "CompositeAlarm")).ShouldBeEmpty();

                await OkAsync(server, "cloudwatch", "set-alarm-state", "--alarm-name", "a-two", "--state-value", "ALARM", "--state-reason", "testing",
                    "--state-reason-data", "{\"by\":\"hand\"}");
                var set = (await OkAsync(server, "cloudwatch", "describe-alarms", "--state-value", "ALARM")).GetProperty("MetricAlarms").EnumerateArray().Single();
                set.GetProperty("AlarmName").GetString().ShouldBe("a-two");
                set.GetProperty("StateReason").GetString().ShouldBe("testing");
                set.GetProperty("StateReasonData").GetString().ShouldBe("{\"by\":\"hand\"}");
                File.ReadAllLines(server.Services.GetRequiredService<AlarmCatalog>().StateChangesPath).Length.ShouldBe(1);

                await OkAsync(server, "cloudwatch", "disable-alarm-actions", "--alarm-names", "b-one");
                var disabled = (await OkAsync(server, "cloudwatch", "describe-alarms", "--alarm-names", "b-one")).GetProperty("MetricAlarms")[0];
                disabled.GetProperty("ActionsEnabled").GetBoolean().ShouldBeFalse();
                await OkAsync(server, "cloudwatch", "enable-alarm-actions", "--alarm-names", "b-one");
                (await OkAsync(server, "cloudwatch", "describe-alarms", "--alarm-names", "b-one")).GetProperty("MetricAlarms")[0]
                    .GetProperty("ActionsEnabled").GetBoolean().ShouldBeTrue();

                // Updating keeps the state; deleting leaves the history.
                await PutAsync(server, "a-two", threshold: "7");
                var updated = (await OkAsync(server, "cloudwatch", "describe-alarms", "--alarm-names", "a-two")).GetProperty("MetricAlarms")[0];
                updated.GetProperty("StateValue").GetString().ShouldBe("ALARM");
                updated.GetProperty("Threshold").GetDouble().ShouldBe(7);
                await OkAsync(server, "cloudwatch", "delete-alarms", "--alarm-names", "a-one");
                Names(await OkAsync(server, "cloudwatch", "describe-alarms")).ShouldBe(["a-two", "b-one"]);
                var deleted = (await OkAsync(server, "cloudwatch", "describe-alarm-history", "--alarm-name", "a-one")).GetProperty("AlarmHistoryItems");
                deleted[0].GetProperty("HistorySummary").GetString().ShouldBe("Alarm \"a-one\" deleted");
                var ascending = (await OkAsync(server, "cloudwatch", "describe-alarm-history", "--scan-by", "TimestampAscending", "--page-size", "2"))
                    .GetProperty("AlarmHistoryItems").EnumerateArray().Select(h => h.GetProperty("HistorySummary").GetString()).ToList();
                ascending.ShouldBe(["Alarm \"a-one\" created", "Alarm \"a-two\" created", "Alarm \"b-one\" created",
                    "Alarm updated from INSUFFICIENT_DATA to ALARM", "Alarm \"a-two\" updated", "Alarm \"a-one\" deleted"]);
            }

            await using (var restarted = await TestServer.StartAsync(directory, new SteppingClock(DateTimeOffset.UtcNow)))
            {
                var alarms = (await OkAsync(restarted, "cloudwatch", "describe-alarms")).GetProperty("MetricAlarms").EnumerateArray().ToList();
                alarms.Select(a => (a.GetProperty("AlarmName").GetString(), a.GetProperty("StateValue").GetString()))
                    .ShouldBe([("a-two", "ALARM"), ("b-one", "INSUFFICIENT_DATA")]);
                (await OkAsync(restarted, "cloudwatch", "describe-alarm-history")).GetProperty("AlarmHistoryItems").GetArrayLength().ShouldBe(6);
            }
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public async Task Alarms_ErrorPaths_AnswerCloudWatchsCodes()
    {
        await using var server = await TestServer.StartAsync();
        await PutAsync(server, "exists");

        await FailsAsync(server, "InvalidParameterValue", "The parameter Period must be a multiple of 60: Contrail's metrics have 1-minute resolution (got 90).",
            PutArgs("p", period: "90"));
        await FailsAsync(server, "ValidationError", "DatapointsToAlarm must be less than or equal to EvaluationPeriods.",
            [.. PutArgs("p", evaluationPeriods: "2"), "--datapoints-to-alarm", "3"]);
        await FailsAsync(server, "ValidationError", "Metrics cannot be checked across more than a day (EvaluationPeriods * Period must be <= 86400)",
            PutArgs("p", evaluationPeriods: "1441"));
        await FailsAsync(server, "ValidationError",
            "1 validation error detected: Value 'Sideways' at 'comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: [GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold, LessThanLowerOrGreaterThanUpperThreshold, LessThanLowerThreshold, GreaterThanUpperThreshold]",
            PutArgs("p", comparison: "Sideways"));
        await FailsAsync(server, "ValidationError",
            "Option sometimes is not a valid value for TreatMissingData. Valid values are: breaching, notBreaching, ignore, missing.",
            [.. PutArgs("p"), "--treat-missing-data", "sometimes"]);
        await FailsAsync(server, "ValidationError",
            "1 validation error detected: Value 'RED' at 'stateValue' failed to satisfy constraint: Member must satisfy enum value set: [OK, ALARM, INSUFFICIENT_DATA]",
            "cloudwatch", "describe-alarms", "--state-value", "RED");
        await FailsAsync(server, "InvalidParameterCombination", "AlarmNames and AlarmNamePrefix cannot be specified together.",
            "cloudwatch", "describe-alarms", "--alarm-names", "exists", "--alarm-name-prefix", "e");
        await FailsAsync(server, "ResourceNotFound", "Alarm(s) not found: nope.",
            "cloudwatch", "set-alarm-state", "--alarm-name", "nope", "--state-value", "OK", "--state-reason", "x");
        await FailsAsync(server, "InvalidFormat", "StateReasonData is not syntactically valid JSON.",
            "cloudwatch", "set-alarm-state", "--alarm-name", "exists", "--state-value", "OK", "--state-reason", "x", "--state-reason-data", "{not json");
        await FailsAsync(server, "ResourceNotFound", "Alarm(s) not found: nope.", "cloudwatch", "delete-alarms", "--alarm-names", "exists", "nope");

        // Nothing was changed by the failed calls: the one alarm is still there, still unchecked.
        var alarms = (await OkAsync(server, "cloudwatch", "describe-alarms")).GetProperty("MetricAlarms").EnumerateArray().ToList();
        alarms.Select(a => (a.GetProperty("AlarmName").GetString(), a.GetProperty("StateValue").GetString())).ShouldBe([("exists", "INSUFFICIENT_DATA")]);
    }

    private static DateTimeOffset NextMinute(DateTimeOffset time) =>
        new DateTimeOffset(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(1);

    private static async Task<JsonElement> DescribeOneAsync(TestServer server) =>
        (await OkAsync(server, "cloudwatch", "describe-alarms", "--alarm-names", "transfers-high")).GetProperty("MetricAlarms").EnumerateArray().Single();

    private static List<string?> Names(JsonElement page) =>
        [.. page.GetProperty("MetricAlarms").EnumerateArray().Select(a => a.GetProperty("AlarmName").GetString())];

    private static string[] PutArgs(string name, string period = "60", string evaluationPeriods = "1", string threshold = "1",
        string comparison = "GreaterThanThreshold") =>
    [
        "cloudwatch", "put-metric-alarm", "--alarm-name", name, "--metric-name", "Transfers", "--namespace", "App", "--statistic", "Sum",
        "--period", period, "--evaluation-periods", evaluationPeriods, "--threshold", threshold, "--comparison-operator", comparison,
    ];

    private static Task PutAsync(TestServer server, string name, string threshold = "1") => OkAsync(server, PutArgs(name, threshold: threshold));
}
