using System.Text;
using Contrail.Api.Delivery.Notifications;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.Delivery.Notifications;

/// <summary>The persisted status (<c>DATA_DIR/notifications/&lt;trail&gt;.json</c>): fails when its bytes change.</summary>
public sealed class NotificationStatusGoldenTests : IDisposable
{
    private const string Golden = """
        {
          "TrailCreatedAt": "2026-12-01T07:00:00+00:00",
          "LatestNotificationTime": "2026-12-01T07:35:01.25+00:00",
          "LatestNotificationAttemptTime": "2026-12-01T07:40:01.5+00:00",
          "LatestNotificationAttemptSucceeded": "2026-12-01T07:35:01.25+00:00",
          "LatestNotificationError": "HTTP 503"
        }
        """;

    private static readonly NotificationStatus Sample = new()
    {
        TrailCreatedAt = new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero),
        LatestNotificationTime = new DateTimeOffset(2026, 12, 1, 7, 35, 1, 250, TimeSpan.Zero),
        LatestNotificationAttemptTime = new DateTimeOffset(2026, 12, 1, 7, 40, 1, 500, TimeSpan.Zero),
        LatestNotificationAttemptSucceeded = new DateTimeOffset(2026, 12, 1, 7, 35, 1, 250, TimeSpan.Zero),
        LatestNotificationError = "HTTP 503",
    };

    private readonly string _dataDirectory = TempDirectory.Create("notification-status");

    public void Dispose() => TempDirectory.Delete(_dataDirectory);

    [Fact]
    public void ToJson_Sample_GoldenBytes() =>
        Encoding.UTF8.GetString(Sample.ToJson()).ReplaceLineEndings("\n").ShouldBe(Golden);

    [Fact]
    public void SaveThenLoad_RoundTrips_OwnerOnly()
    {
        Sample.Save(_dataDirectory, "trail-a");

        NotificationStatus.Load(_dataDirectory, "trail-a").ShouldBe(Sample);
        File.GetUnixFileMode(NotificationStatus.PathOf(_dataDirectory, "trail-a")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void Load_NullMembers_AreLeftOutAndComeBackNull()
    {
        var fresh = new NotificationStatus { TrailCreatedAt = Sample.TrailCreatedAt, LatestNotificationError = "Timeout" };
        fresh.Save(_dataDirectory, "trail-b");

        File.ReadAllText(NotificationStatus.PathOf(_dataDirectory, "trail-b")).ShouldNotContain("LatestNotificationTime");
        NotificationStatus.Load(_dataDirectory, "trail-b").ShouldBe(fresh);
    }
}
