using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Delivery.Notifications;
using Contrail.Api.Service;
using Contrail.Api.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Contrail.Api.Tests.Delivery.Notifications;

/// <summary>The Latest* notification members: success clears the error, a restart keeps them, a re-created trail starts clean.</summary>
public sealed class NotificationStatusBoardTests : IDisposable
{
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T1 = Created.AddMinutes(5);
    private static readonly DateTimeOffset T2 = Created.AddMinutes(6);

    private readonly string _dataDirectory = TempDirectory.Create("notification-board");

    public void Dispose() => TempDirectory.Delete(_dataDirectory);

    [Fact]
    public void Attempted_FailureThenSuccess_ErrorClearedAndTimesSet()
    {
        var board = Board();

        board.Attempted("t", Created, T1, "HTTP 503");
        var failed = board.Get(Trail("t", Created))!;
        board.Attempted("t", Created, T2, null);
        var succeeded = board.Get(Trail("t", Created))!;

        failed.LatestNotificationError.ShouldBe("HTTP 503");
        failed.LatestNotificationAttemptTime.ShouldBe(T1);
        failed.LatestNotificationTime.ShouldBeNull();
        succeeded.LatestNotificationError.ShouldBeNull();
        succeeded.LatestNotificationTime.ShouldBe(T2);
        succeeded.LatestNotificationAttemptSucceeded.ShouldBe(T2);
        succeeded.LatestNotificationAttemptTime.ShouldBe(T2);
    }

    [Fact]
    public void Dropped_KeepsTheTimes_SetsTheError()
    {
        var board = Board();
        board.Attempted("t", Created, T1, null);

        board.Dropped("t", Created, "QueueFull");

        var status = board.Get(Trail("t", Created))!;
        status.LatestNotificationError.ShouldBe("QueueFull");
        status.LatestNotificationTime.ShouldBe(T1);
        status.LatestNotificationAttemptTime.ShouldBe(T1);
    }

    [Fact]
    public void Get_AfterRestart_ReadsTheFile()
    {
        Board().Attempted("t", Created, T1, null);

        Board().Get(Trail("t", Created))!.LatestNotificationTime.ShouldBe(T1);
    }

    [Fact]
    public void Get_TrailCreatedAgainUnderTheSameName_StartsClean()
    {
        var board = Board();
        board.Attempted("t", Created, T1, "HTTP 500");

        board.Get(Trail("t", Created.AddDays(1))).ShouldBeNull();
        Board().Get(Trail("t", Created.AddDays(1))).ShouldBeNull();
    }

    [Fact]
    public void RemoveAllBut_DeletesFilesOfOtherTrails()
    {
        var board = Board();
        board.Attempted("kept", Created, T1, null);
        board.Attempted("gone", Created, T1, null);

        board.RemoveAllBut(["kept"]);

        File.Exists(NotificationStatus.PathOf(_dataDirectory, "kept")).ShouldBeTrue();
        File.Exists(NotificationStatus.PathOf(_dataDirectory, "gone")).ShouldBeFalse();
        board.Get(Trail("gone", Created)).ShouldBeNull();
    }

    private NotificationStatusBoard Board() =>
        new(new ContrailSettings(_dataDirectory, new ServiceIdentity(TestServer.AccountId, TestServer.Region), TestServer.AccessKeyId, TestServer.Secret), NullLogger<NotificationStatusBoard>.Instance);

    private static Trail Trail(string name, DateTimeOffset created) => new()
    {
        Name = name,
        TrailArn = $"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:trail/{name}",
        HomeRegion = TestServer.Region,
        S3BucketName = "bucket",
        CreatedAt = created,
    };
}
