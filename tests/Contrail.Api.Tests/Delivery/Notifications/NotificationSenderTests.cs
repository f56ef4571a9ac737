using System.Net;
using System.Net.Sockets;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Delivery.Notifications;
using Contrail.Api.Service;
using Contrail.Api.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Contrail.Api.Tests.Delivery.Notifications;

/// <summary>
/// The background sender against a real receiver on loopback, with a fast policy: retries with the
/// same bytes, gives up after the last attempt, maps failures to short errors, never waits to queue.
/// </summary>
public sealed class NotificationSenderTests : IDisposable
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly NotificationPolicy Fast = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(10),
        FirstRetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(80),
        MaxAttempts = 4,
        ShutdownGrace = TimeSpan.FromSeconds(1),
    };

    private readonly string _dataDirectory = TempDirectory.Create("notification-sender");

    public void Dispose() => TempDirectory.Delete(_dataDirectory);

    [Fact]
    public async Task Send_FailsTwiceThenSucceeds_RetriesTheSameBytes_AndRecordsTheSuccess()
    {
        await using var receiver = await NotificationReceiver.StartAsync((r, _) => Task.FromResult(r.Index < 2 ? 503 : 200));
        var (sender, board) = Create(receiver.Url, Fast);
        using (sender)
        {
            await sender.StartAsync(CancellationToken.None);
            sender.TryEnqueue(Pending("t1")).ShouldBeTrue();

            await Eventually.WaitAsync(() => Task.FromResult(board.Get(Trail("t1"))), s => s?.LatestNotificationTime is not null, TimeSpan.FromSeconds(10), "the third attempt succeeded");
            await sender.StopAsync(CancellationToken.None);
        }

        receiver.Requests.Select(r => r.Status).ShouldBe([503, 503, 200]);
        receiver.Requests.Select(r => Convert.ToHexString(r.Body)).Distinct().Count().ShouldBe(1, "a retry sends the same bytes");
        receiver.Requests.Select(r => r.Header("X-Contrail-Signature")).Distinct().Count().ShouldBe(1);
        var status = board.Get(Trail("t1"))!;
        status.LatestNotificationError.ShouldBeNull();
        status.LatestNotificationAttemptSucceeded.ShouldBe(status.LatestNotificationTime);
        NotificationStatus.Load(_dataDirectory, "t1").ShouldBe(status, "the status is saved");
    }

    [Fact]
    public async Task Send_AlwaysFailing_GivesUpAfterMaxAttempts_AndKeepsTheError()
    {
        await using var receiver = await NotificationReceiver.StartAsync((_, _) => Task.FromResult(500));
        var (sender, board) = Create(receiver.Url, Fast);
        using (sender)
        {
            await sender.StartAsync(CancellationToken.None);
            sender.TryEnqueue(Pending("t1")).ShouldBeTrue();

            await Eventually.WaitAsync(() => Task.FromResult(receiver.Requests.Count(r => r.Status != 0)), c => c >= Fast.MaxAttempts, TimeSpan.FromSeconds(10), "every attempt was made");
            await Eventually.WaitAsync(() => Task.FromResult(board.Get(Trail("t1"))), s => s?.LatestNotificationError is not null, TimeSpan.FromSeconds(10), "the error is recorded");
            await sender.StopAsync(CancellationToken.None);
        }

        // A sender still retrying would have made one more attempt at the stop.
        receiver.Requests.Count.ShouldBe(Fast.MaxAttempts, "no attempt after the last one");

        var status = board.Get(Trail("t1"))!;
        status.LatestNotificationError.ShouldBe("HTTP 500");
        status.LatestNotificationTime.ShouldBeNull();
        status.LatestNotificationAttemptSucceeded.ShouldBeNull();
        status.LatestNotificationAttemptTime.ShouldNotBeNull();
    }

    [Fact]
    public async Task Send_ReceiverNeverAnswers_IsATimeout()
    {
        await using var receiver = await NotificationReceiver.StartHangingAsync();
        var (sender, board) = Create(receiver.Url, Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 1 });
        using (sender)
        {
            await sender.StartAsync(CancellationToken.None);
            sender.TryEnqueue(Pending("t1")).ShouldBeTrue();

            var status = await Eventually.WaitAsync(() => Task.FromResult(board.Get(Trail("t1"))), s => s?.LatestNotificationError is not null, TimeSpan.FromSeconds(10), "the attempt timed out");
            status!.LatestNotificationError.ShouldBe("Timeout");
            await sender.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Send_NothingListening_IsAConnectionFailure_WithoutTheUrl()
    {
        var (sender, board) = Create(new Uri($"http://127.0.0.1:{ClosedPort()}/hook?token=query-secret"), Fast with { MaxAttempts = 1 });
        using (sender)
        {
            await sender.StartAsync(CancellationToken.None);
            sender.TryEnqueue(Pending("t1")).ShouldBeTrue();

            var status = await Eventually.WaitAsync(() => Task.FromResult(board.Get(Trail("t1"))), s => s?.LatestNotificationError is not null, TimeSpan.FromSeconds(10), "the attempt failed");
            status!.LatestNotificationError.ShouldBe("ConnectionFailed");
            await sender.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Send_Redirect_IsNotFollowed_AndIsAFailure()
    {
        await using var receiver = await NotificationReceiver.StartAsync((r, _) => Task.FromResult(r.PathAndQuery.StartsWith("/elsewhere", StringComparison.Ordinal) ? 200 : 302));
        var (sender, board) = Create(receiver.Url, Fast with { MaxAttempts = 1 });
        using (sender)
        {
            await sender.StartAsync(CancellationToken.None);
            sender.TryEnqueue(Pending("t1")).ShouldBeTrue();

            var status = await Eventually.WaitAsync(() => Task.FromResult(board.Get(Trail("t1"))), s => s?.LatestNotificationError is not null, TimeSpan.FromSeconds(10), "the attempt failed");
            status!.LatestNotificationError.ShouldBe("HTTP 302");
            await sender.StopAsync(CancellationToken.None);
        }

        receiver.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public void TryEnqueue_QueueFull_ReturnsFalseAtOnce()
    {
        // Not started: nothing takes from the queue.
        var (sender, _) = Create(new Uri("http://127.0.0.1:9/"), Fast with { QueueCapacity = 2 });
        using (sender)
        {
            sender.TryEnqueue(Pending("t1")).ShouldBeTrue();
            sender.TryEnqueue(Pending("t1")).ShouldBeTrue();
            sender.TryEnqueue(Pending("t1")).ShouldBeFalse();
        }
    }

    [Fact]
    public async Task Stop_WhileWaitingToRetry_MakesOneLastAttempt()
    {
        var succeed = 0;
        await using var receiver = await NotificationReceiver.StartAsync((_, _) => Task.FromResult(Volatile.Read(ref succeed) == 1 ? 200 : 503));
        var (sender, board) = Create(receiver.Url, Fast with { FirstRetryDelay = TimeSpan.FromMinutes(5), MaxRetryDelay = TimeSpan.FromMinutes(5) });
        using (sender)
        {
            await sender.StartAsync(CancellationToken.None);
            sender.TryEnqueue(Pending("t1")).ShouldBeTrue();
            await Eventually.WaitAsync(() => Task.FromResult(board.Get(Trail("t1"))), s => s?.LatestNotificationError is not null, TimeSpan.FromSeconds(10), "the first attempt failed");
            Volatile.Write(ref succeed, 1);

            await sender.StopAsync(CancellationToken.None);
        }

        receiver.Requests.Select(r => r.Status).ShouldBe([503, 200]);
        board.Get(Trail("t1"))!.LatestNotificationTime.ShouldNotBeNull();
    }

    private (NotificationSender Sender, NotificationStatusBoard Board) Create(Uri url, NotificationPolicy policy)
    {
        var settings = new ContrailSettings(_dataDirectory, new ServiceIdentity(TestServer.AccountId, TestServer.Region), TestServer.AccessKeyId, TestServer.Secret,
            Notifications: new NotificationTarget(url, NotificationHarness.Secret));
        var board = new NotificationStatusBoard(settings, NullLogger<NotificationStatusBoard>.Instance);
        var catalog = new TrailCatalog(settings);
        catalog.Add(Trail("t1"), CreateTrailOperation.MaxTrails).ShouldBe(TrailAddOutcome.Added);
        return (new NotificationSender(settings, policy, board, catalog, TimeProvider.System, NullLogger<NotificationSender>.Instance), board);
    }

    private static Trail Trail(string name) => new()
    {
        Name = name,
        TrailArn = $"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:trail/{name}",
        HomeRegion = TestServer.Region,
        S3BucketName = "bucket",
        SnsTopicName = NotificationHarness.Topic,
        CreatedAt = CreatedAt,
    };

    private static PendingNotification Pending(string trail)
    {
        var message = new SnsNotification(Guid.NewGuid(), NotificationHarness.TopicArn, "bucket", ["AWSLogs/k1.json.gz"], DateTimeOffset.UtcNow);
        var body = SnsNotificationBody.Write(message);
        return new PendingNotification(trail, CreatedAt, message, body, NotificationSignature.Compute(NotificationHarness.Secret, body));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
