using System.Text.Json;
using System.Text.RegularExpressions;
using Contrail.Api.Delivery.Notifications;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.Delivery.Notifications;

/// <summary>
/// Notifications end to end: the real service in process with a short delivery interval, trails made
/// with the real AWS CLI, a webhook receiver on loopback, files read back from DATA_DIR/buckets
/// (docs/dev/notifications.md).
/// </summary>
public sealed partial class NotificationDeliveryTests : IDisposable
{
    private const string NotifyBucket = "notify-bucket";
    private const string QuietBucket = "quiet-bucket";

    private readonly string _dataDirectory = TempDirectory.Create("notifications");

    public void Dispose() => TempDirectory.Delete(_dataDirectory);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex SnsTimestamp();

    [Fact]
    public async Task TrailWithSnsTopic_OneSignedNotificationPerPass_ListingExactlyTheDeliveredKeys()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        var app = await NotificationHarness.StartServerAsync(_dataDirectory, TimeSpan.FromSeconds(1), receiver.Url);
        await using var server = app;
        var endpoint = new Uri(app.Urls.First());
        using var client = DeliveryHarness.Client(endpoint);
        await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", "notify", "--s3-bucket-name", NotifyBucket, "--is-multi-region-trail", "--sns-topic-name", NotificationHarness.Topic);
        await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", "quiet", "--s3-bucket-name", QuietBucket, "--is-multi-region-trail");
        await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "notify");
        await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "quiet");

        // Two regions in one request: one pass, two files, one notification listing both.
        var first = DeliveryHarness.NewIds(6).Select((id, i) => (id, i % 2 == 0 ? TestServer.Region : "eu-west-1")).ToList();
        await NotificationHarness.PutAsync(client, first);
        var files = await Eventually.WaitAsync(
            () => Task.FromResult(DeliveryHarness.ReadFiles(_dataDirectory, NotifyBucket)),
            f => DeliveryHarness.EventIds(f).ToHashSet().IsSupersetOf(first.Select(r => r.id)),
            TimeSpan.FromSeconds(20),
            "the first records were delivered");
        var second = DeliveryHarness.NewIds(4).Select(id => (id, TestServer.Region)).ToList();
        await NotificationHarness.PutAsync(client, second);
        var expected = first.Concat(second).Select(r => r.id).ToHashSet();

        // Quiescent once every record is in a file and every file was notified (nothing else calls the API meanwhile).
        var (delivered, notifications) = await Eventually.WaitAsync(
            () => Task.FromResult((Files: DeliveryHarness.ReadFiles(_dataDirectory, NotifyBucket), Notifications: receiver.Requests.Select(NotificationHarness.Parse).ToList())),
            s => DeliveryHarness.EventIds(s.Files).ToHashSet().IsSupersetOf(expected)
                && s.Files.Select(f => f.Key).ToHashSet().SetEquals(s.Notifications.SelectMany(n => n.Keys)),
            TimeSpan.FromSeconds(20),
            "every delivered file was notified");
        await Eventually.WaitAsync(
            () => Task.FromResult(DeliveryHarness.ReadFiles(_dataDirectory, QuietBucket)),
            f => DeliveryHarness.EventIds(f).ToHashSet().IsSupersetOf(expected),
            TimeSpan.FromSeconds(20),
            "the trail without a topic delivered too");

        notifications.Count.ShouldBeGreaterThanOrEqualTo(2, "two passes at least");
        var keys = notifications.SelectMany(n => n.Keys).ToList();
        keys.Count.ShouldBe(keys.Distinct().Count(), "a key was notified twice");
        keys.ShouldBe(delivered.Select(f => f.Key), ignoreOrder: true);
        notifications.ShouldAllBe(n => n.Bucket == NotifyBucket, "only the trail with a topic notifies");
        notifications.Select(n => n.MessageId).Distinct().Count().ShouldBe(notifications.Count);
        var regionsOfFirst = delivered.Where(f => f.Records.Any(r => r.GetProperty("eventID").GetString() == first[0].id || r.GetProperty("eventID").GetString() == first[1].id)).Select(f => f.Key).ToList();
        regionsOfFirst.Count.ShouldBe(2, "the first request went to a file per region");
        notifications.ShouldContain(n => regionsOfFirst.All(k => n.Keys.Contains(k)), "one notification lists both files of the pass");

        foreach (var notification in notifications)
        {
            var request = notification.Request;
            request.Method.ShouldBe("POST");
            request.PathAndQuery.ShouldBe("/hooks/contrail?token=query-secret");
            request.Header("Content-Type").ShouldBe("text/plain; charset=UTF-8");
            request.Header("x-amz-sns-message-type").ShouldBe("Notification");
            request.Header("x-amz-sns-message-id").ShouldBe(notification.MessageId);
            request.Header("x-amz-sns-topic-arn").ShouldBe(NotificationHarness.TopicArn);
            notification.Body.GetProperty("Type").GetString().ShouldBe("Notification");
            notification.Body.GetProperty("TopicArn").GetString().ShouldBe(NotificationHarness.TopicArn);
            Guid.TryParseExact(notification.MessageId, "D", out _).ShouldBeTrue(notification.MessageId);
            notification.Body.GetProperty("Timestamp").GetString()!.ShouldMatch(SnsTimestamp().ToString());
            request.Header("X-Contrail-Signature").ShouldMatch("^sha256=[0-9a-f]{64}$");
            NotificationHarness.VerifiesInCSharp(request).ShouldBeTrue();
        }

        // The documented verifier, as written, accepts what the server sent and refuses a change or another key.
        var sample = notifications[0].Request;
        var signature = sample.Header("X-Contrail-Signature");
        (await NotificationHarness.VerifiesInPythonAsync(sample.Body, signature)).ShouldBeTrue();
        var tampered = sample.Body.ToArray();
        tampered[Array.IndexOf(tampered, (byte)'A')] = (byte)'B';
        (await NotificationHarness.VerifiesInPythonAsync(tampered, signature)).ShouldBeFalse();
        (await NotificationHarness.VerifiesInPythonAsync(sample.Body, signature, "another-secret-0123456789")).ShouldBeFalse();
        NotificationHarness.VerifiesInCSharp(sample, "another-secret-0123456789").ShouldBeFalse();

        var status = await StatusAsync(endpoint, "notify");
        status.TryGetProperty("LatestNotificationTime", out _).ShouldBeTrue(status.ToString());
        status.TryGetProperty("LatestNotificationError", out _).ShouldBeFalse(status.ToString());
        status.GetProperty("LatestNotificationAttemptSucceeded").GetString().ShouldNotBeNullOrEmpty();
        status.GetProperty("LatestNotificationAttemptTime").GetString().ShouldNotBeNullOrEmpty();
        status.TryGetProperty("LatestDeliveryTime", out _).ShouldBeTrue("delivery members are still there");
        var quiet = await StatusAsync(endpoint, "quiet");
        quiet.TryGetProperty("LatestNotificationTime", out _).ShouldBeFalse(quiet.ToString());
        quiet.GetProperty("LatestNotificationAttemptTime").GetString().ShouldBe("");
        quiet.GetProperty("LatestNotificationAttemptSucceeded").GetString().ShouldBe("");
    }

    [Fact]
    public async Task ReceiverFailsTwice_IsRetried_AndGetTrailStatusShowsTheErrorThenTheTime()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var receiver = await NotificationReceiver.StartAsync(async (request, closing) =>
        {
            if (request.Index < 2)
            {
                return 503;
            }

            await release.Task.WaitAsync(closing);
            return 200;
        });
        var app = await NotificationHarness.StartServerAsync(_dataDirectory, TimeSpan.FromSeconds(1), receiver.Url);
        await using var server = app;
        var endpoint = new Uri(app.Urls.First());
        using var client = DeliveryHarness.Client(endpoint);
        await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", "flaky", "--s3-bucket-name", NotifyBucket, "--sns-topic-name", NotificationHarness.TopicArn);
        await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "flaky");
        await NotificationHarness.PutAsync(client, DeliveryHarness.NewIds(5).Select(id => (id, TestServer.Region)));

        await Eventually.WaitAsync(() => Task.FromResult(receiver.Requests.Count(r => r.Status == 503)), c => c == 2, TimeSpan.FromSeconds(30), "two attempts were refused");
        var failing = await Eventually.WaitAsync(
            () => StatusAsync(endpoint, "flaky"),
            s => s.TryGetProperty("LatestNotificationError", out _),
            TimeSpan.FromSeconds(20),
            "the failure shows in GetTrailStatus");
        failing.GetProperty("LatestNotificationError").GetString().ShouldBe("HTTP 503");
        failing.TryGetProperty("LatestNotificationTime", out _).ShouldBeFalse(failing.ToString());
        failing.GetProperty("LatestNotificationAttemptSucceeded").GetString().ShouldBe("");
        failing.GetProperty("LatestNotificationAttemptTime").GetString().ShouldNotBeNullOrEmpty();
        failing.TryGetProperty("LatestDeliveryError", out _).ShouldBeFalse("a notification failure is not a delivery failure");

        release.SetResult();
        var recovered = await Eventually.WaitAsync(
            () => StatusAsync(endpoint, "flaky"),
            s => s.TryGetProperty("LatestNotificationTime", out _) && !s.TryGetProperty("LatestNotificationError", out _),
            TimeSpan.FromSeconds(30),
            "the retry succeeded");
        recovered.GetProperty("LatestNotificationAttemptSucceeded").GetString().ShouldNotBeNullOrEmpty();

        // Every refused notification came again, same id and same bytes, and was then accepted.
        var refused = receiver.Requests.Where(r => r.Status == 503).ToList();
        foreach (var request in refused)
        {
            var id = request.Header("x-amz-sns-message-id");
            var accepted = await Eventually.WaitAsync(
                () => Task.FromResult(receiver.Requests.FirstOrDefault(r => r.Status == 200 && r.Header("x-amz-sns-message-id") == id)),
                r => r is not null,
                TimeSpan.FromSeconds(30),
                $"notification {id} was retried until accepted");
            accepted!.Body.ShouldBe(request.Body);
            accepted.Index.ShouldBeGreaterThan(request.Index);
            NotificationHarness.Parse(accepted).Keys.ShouldNotBeEmpty();
        }
    }

    [Fact]
    public async Task ReceiverThatNeverAnswers_NeverDelaysLogFiles()
    {
        await using var receiver = await NotificationReceiver.StartHangingAsync();
        var app = await NotificationHarness.StartServerAsync(_dataDirectory, TimeSpan.FromSeconds(1), receiver.Url);
        await using var server = app;
        var endpoint = new Uri(app.Urls.First());
        using var client = DeliveryHarness.Client(endpoint);
        (await client.CallAsync("CreateTrail", $$"""{"Name":"stuck","S3BucketName":"{{NotifyBucket}}","SnsTopicName":"{{NotificationHarness.Topic}}"}""")).IsSuccess.ShouldBeTrue();
        (await client.CallAsync("StartLogging", """{"Name":"stuck"}""")).IsSuccess.ShouldBeTrue();
        var board = (NotificationStatusBoard)app.Services.GetService(typeof(NotificationStatusBoard))!;
        var catalog = (CloudTrail.Trails.TrailCatalog)app.Services.GetService(typeof(CloudTrail.Trails.TrailCatalog))!;

        // Each round's files must appear while the notifications of the earlier rounds are still
        // unanswered: had delivery waited for them, no later file could appear before an attempt ended.
        for (var round = 0; round < 3; round++)
        {
            var ids = DeliveryHarness.NewIds(5).ToList();
            await DeliveryHarness.PutManagementAsync(client, ids);
            await Eventually.WaitAsync(
                () => Task.FromResult(DeliveryHarness.ReadFiles(_dataDirectory, NotifyBucket)),
                f => DeliveryHarness.EventIds(f).ToHashSet().IsSupersetOf(ids),
                TimeSpan.FromSeconds(20),
                $"round {round} was delivered");
            await Eventually.WaitAsync(() => Task.FromResult(receiver.Requests.Count), c => c > round, TimeSpan.FromSeconds(20), $"round {round} was notified");
        }

        receiver.Requests.ShouldAllBe(r => r.Status == 0, "the receiver answered nothing");
        (board.Get(catalog.Find("stuck")!)?.LatestNotificationAttemptTime).ShouldBeNull("no attempt has ended yet");
        var status = await StatusAsync(endpoint, "stuck");
        status.TryGetProperty("LatestDeliveryError", out _).ShouldBeFalse(status.ToString());
    }

    [Fact]
    public async Task CleanShutdown_TheFinalPassIsNotifiedToo()
    {
        await using var receiver = await NotificationReceiver.StartAsync();
        var ids = DeliveryHarness.NewIds(10).ToList();
        var app = await NotificationHarness.StartServerAsync(_dataDirectory, TimeSpan.FromHours(1), receiver.Url);
        await using (app)
        {
            using var client = DeliveryHarness.Client(new Uri(app.Urls.First()));
            (await client.CallAsync("CreateTrail", $$"""{"Name":"final","S3BucketName":"{{NotifyBucket}}","SnsTopicName":"{{NotificationHarness.Topic}}"}""")).IsSuccess.ShouldBeTrue();
            (await client.CallAsync("StartLogging", """{"Name":"final"}""")).IsSuccess.ShouldBeTrue();
            await DeliveryHarness.PutManagementAsync(client, ids);
            receiver.Requests.ShouldBeEmpty("the interval is an hour: nothing is due yet");

            // Delivery's last pass runs while it stops; the sender, registered before it, stops after it.
            await app.StopAsync();
        }

        var files = DeliveryHarness.ReadFiles(_dataDirectory, NotifyBucket);
        ids.ShouldBeSubsetOf(DeliveryHarness.EventIds(files));
        var notification = NotificationHarness.Parse(receiver.Requests.ShouldHaveSingleItem());
        notification.Request.Status.ShouldBe(200);
        notification.Keys.ShouldBe(files.Select(f => f.Key), ignoreOrder: true);
    }

    private static async Task<JsonElement> StatusAsync(Uri endpoint, string trail)
    {
        var result = await DeliveryHarness.AwsAsync(endpoint, "get-trail-status", "--name", trail);
        result.ExitCode.ShouldBe(0, result.Stderr);
        var status = JsonDocument.Parse(result.Stdout).RootElement;
        result.Stdout.ShouldNotContain("query-secret");
        result.Stdout.ShouldNotContain(NotificationHarness.Secret);
        result.Stdout.ShouldNotContain("127.0.0.1");
        return status;
    }
}
