using System.Text;
using System.Text.Json;
using Contrail.Api.Delivery.Notifications;
using Contrail.Api.Rules.Delivery;
using Contrail.Api.Tests.Delivery.Notifications;
using Contrail.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Contrail.Api.Tests.Monitoring.MetricFilterHarness;

namespace Contrail.Api.Tests.Rules;

/// <summary>
/// Rules end to end: the AWS CLI makes a rule and its targets, records are ingested over the wire, and a
/// webhook receiver on loopback gets the matching events, signed; a failing receiver gets retries, then
/// the event is dead-lettered.
/// </summary>
public sealed class RuleDeliveryTests
{
    private const string Secret = "rules-test-secret-0123456789";
    private const string Pattern = """{"source":["aws.iam"],"detail":{"eventName":[{"prefix":"Delete"}]}}""";

    private static Task<TestServer> StartAsync(int maxAttempts = 8) => TestServer.StartAsync(configure: s => s with
    {
        RuleDelivery = new RuleDeliveryPolicy
        {
            Secret = Secret,
            MaxAttempts = maxAttempts,
            FirstRetryDelay = TimeSpan.FromMilliseconds(50),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
            AttemptTimeout = TimeSpan.FromSeconds(5),
        },
    });

    private static string Record(string source, string name, string id) =>
        $$$"""{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"alice"},"eventTime":"{{{DateTime.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'}}}","eventSource":"{{{source}}}","eventName":"{{{name}}}","awsRegion":"eu-west-1","eventID":"{{{id}}}","recipientAccountId":"111122223333"}""";

    private static async Task IngestAsync(TestServer server, params string[] records)
    {
        var response = await server.Client.PutRecordsAsync(Encoding.UTF8.GetBytes($"{{\"Records\":[{string.Join(",", records)}]}}"), gzip: false);
        response.IsSuccess.ShouldBeTrue(response.Body);
        JsonDocument.Parse(response.Body).RootElement.GetProperty("successful").GetArrayLength().ShouldBe(records.Length);
    }

    private static async Task<TestServer> CaughtUpAsync(TestServer server)
    {
        var journal = server.Services.GetRequiredService<Contrail.Journal.Journal>();
        var consumer = server.Services.GetRequiredService<RuleConsumer>();
        await Eventually.WaitAsync(() => Task.FromResult(consumer.SavedPosition), p => p == journal.CommittedPosition || consumer.Fault is not null,
            what: "the rules position at the journal's end");
        consumer.Fault.ShouldBeNull();
        return server;
    }

    private static string[] Lines(string path) => File.Exists(path) ? File.ReadAllLines(path) : [];

    [Fact]
    public async Task MatchingRecords_ArePostedSignedToTheWebhook_AndAppendedToTheLogFile()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        await using var server = await StartAsync();
        await OkAsync(server, "events", "put-rule", "--name", "iam-deletes", "--event-pattern", Pattern);
        await OkAsync(server, "events", "put-targets", "--rule", "iam-deletes", "--targets",
            $$"""[{"Id":"hook","Arn":"{{receiver.Url}}"},{"Id":"file","Arn":"arn:contrail:logs:::iam-deletes"}]""");

        const string DeleteUser = "6a7e8feb-b491-4cf7-a9f1-000000000001";
        const string DeleteRole = "6a7e8feb-b491-4cf7-a9f1-000000000002";
        await IngestAsync(server,
            Record("iam.amazonaws.com", "CreateUser", "6a7e8feb-b491-4cf7-a9f1-000000000000"),
            Record("iam.amazonaws.com", "DeleteUser", DeleteUser),
            Record("s3.amazonaws.com", "DeleteBucket", "6a7e8feb-b491-4cf7-a9f1-000000000003"),
            Record("iam.amazonaws.com", "DeleteRole", DeleteRole));

        var logFile = Path.Combine(server.DataDirectory, "rules", "logs", "iam-deletes.jsonl");
        await Eventually.WaitAsync(() => Task.FromResult(receiver.Requests.Count(r => r.Status == 200)), n => n >= 2, what: "two webhook posts");
        await CaughtUpAsync(server);
        receiver.Requests.Count.ShouldBe(2);
        var posted = receiver.Requests.OrderBy(r => r.Header(RuleWebhookPoster.EventIdHeader), StringComparer.Ordinal).ToList();
        posted.Select(r => r.Header(RuleWebhookPoster.EventIdHeader)).ShouldBe([DeleteUser, DeleteRole]);
        foreach (var request in posted)
        {
            request.Method.ShouldBe("POST");
            request.PathAndQuery.ShouldBe("/hooks/contrail?token=query-secret");
            request.Header("Content-Type").ShouldBe("application/json");
            request.Header(RuleWebhookPoster.RuleHeader).ShouldBe("iam-deletes");
            request.Header(RuleWebhookPoster.TargetHeader).ShouldBe("hook");
            NotificationSignature.Verify(Secret, request.Body, request.Header(NotificationSignature.Header)).ShouldBeTrue();
            NotificationSignature.Verify("another-secret-0123456789", request.Body, request.Header(NotificationSignature.Header)).ShouldBeFalse();
            var posted1 = JsonDocument.Parse(request.Body).RootElement;
            posted1.GetProperty("version").GetString().ShouldBe("0");
            posted1.GetProperty("id").GetString().ShouldBe(request.Header(RuleWebhookPoster.EventIdHeader));
            posted1.GetProperty("detail-type").GetString().ShouldBe("AWS API Call via CloudTrail");
            posted1.GetProperty("source").GetString().ShouldBe("aws.iam");
            posted1.GetProperty("account").GetString().ShouldBe("111122223333");
            posted1.GetProperty("region").GetString().ShouldBe("eu-west-1");
            posted1.GetProperty("detail").GetProperty("eventSource").GetString().ShouldBe("iam.amazonaws.com");
        }

        JsonDocument.Parse(posted[0].Body).RootElement.GetProperty("detail").GetProperty("eventName").GetString().ShouldBe("DeleteUser");
        var lines = Lines(logFile);
        lines.Length.ShouldBe(2);
        lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("detail").GetProperty("eventName").GetString()).ShouldBe(["DeleteUser", "DeleteRole"]);
        lines[0].ShouldBe(Encoding.UTF8.GetString(posted[0].Body));

        // Disabled: later records are not matched.
        await OkAsync(server, "events", "disable-rule", "--name", "iam-deletes");
        await IngestAsync(server, Record("iam.amazonaws.com", "DeleteGroup", "6a7e8feb-b491-4cf7-a9f1-000000000004"));
        await CaughtUpAsync(server);
        Lines(logFile).Length.ShouldBe(2);
        receiver.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task FailingWebhook_IsRetriedWithTheSameBytes_ThenDeadLettered()
    {
        await using var receiver = await NotificationReceiver.StartAsync((_, _) => Task.FromResult(500));
        await using var server = await StartAsync(maxAttempts: 3);
        await OkAsync(server, "events", "put-rule", "--name", "iam-deletes", "--event-pattern", Pattern);
        await OkAsync(server, "events", "put-targets", "--rule", "iam-deletes", "--targets", $$"""[{"Id":"hook","Arn":"{{receiver.Url}}"}]""");

        const string Id = "6a7e8feb-b491-4cf7-a9f1-0000000000aa";
        await IngestAsync(server, Record("iam.amazonaws.com", "DeleteUser", Id));
        var dispatcher = server.Services.GetRequiredService<RuleDispatcher>();
        await Eventually.WaitAsync(() => Task.FromResult(Lines(dispatcher.DeadLetterPath)), l => l.Length >= 1, what: "a dead letter");
        await CaughtUpAsync(server);

        receiver.Requests.Count.ShouldBe(3);
        receiver.Requests.Select(r => r.Header(RuleWebhookPoster.EventIdHeader)).Distinct().ShouldBe([Id]);
        receiver.Requests.Select(r => Convert.ToHexString(r.Body)).Distinct().Count().ShouldBe(1);
        dispatcher.FailedAttempts.ShouldBe(3);
        dispatcher.DeadLettered.ShouldBe(1);

        var letter = JsonDocument.Parse(Lines(dispatcher.DeadLetterPath).ShouldHaveSingleItem()).RootElement;
        letter.GetProperty("rule").GetString().ShouldBe("iam-deletes");
        letter.GetProperty("targetId").GetString().ShouldBe("hook");
        letter.GetProperty("eventId").GetString().ShouldBe(Id);
        letter.GetProperty("attempts").GetInt32().ShouldBe(3);
        letter.GetProperty("lastError").GetString().ShouldBe("HTTP 500");
        letter.GetProperty("event").GetRawText().ShouldBe(Encoding.UTF8.GetString(receiver.Requests[0].Body));
    }

    [Fact]
    public async Task PublishAsync_AlarmStateChange_ReachesTheSameTargets()
    {
        await using var server = await StartAsync();
        await OkAsync(server, "events", "put-rule", "--name", "alarms", "--event-pattern",
            """{"source":["aws.cloudwatch"],"detail-type":["CloudWatch Alarm State Change"],"detail":{"state":{"value":["ALARM"]}}}""");
        await OkAsync(server, "events", "put-targets", "--rule", "alarms", "--targets", "Id=file,Arn=arn:contrail:logs:::alarms");
        var dispatcher = server.Services.GetRequiredService<RuleDispatcher>();

        const string Alarm = """{"version":"0","id":"c4c1c1c9-6542-e61b-6ef0-8c4d36933a92","detail-type":"CloudWatch Alarm State Change","source":"aws.cloudwatch","account":"111122223333","time":"2026-12-02T10:00:00Z","region":"us-east-1","resources":["arn:aws:cloudwatch:us-east-1:111122223333:alarm:root-usage"],"detail":{"alarmName":"root-usage","state":{"value":"ALARM"},"previousState":{"value":"OK"}}}""";
        (await dispatcher.PublishAsync(Encoding.UTF8.GetBytes(Alarm), CancellationToken.None)).ShouldBe(1);
        (await dispatcher.PublishAsync(Encoding.UTF8.GetBytes(Alarm.Replace("\"value\":\"ALARM\"", "\"value\":\"OK\"", StringComparison.Ordinal)), CancellationToken.None)).ShouldBe(0);
        Lines(Path.Combine(server.DataDirectory, "rules", "logs", "alarms.jsonl")).ShouldBe([Alarm]);
    }
}
