using Contrail.Api.Delivery.Notifications;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.Delivery.Notifications;

/// <summary>The signing key from the environment or an owner-only file in the data directory, on the real file system.</summary>
public sealed class NotificationSecretTests : IDisposable
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];
    private readonly string _directory = TempDirectory.Create("notification-secret");

    public void Dispose() => TempDirectory.Delete(_directory);

    [Fact]
    public void LoadOrCreate_NoFile_CreatesOwnerOnly64HexCharacters()
    {
        var (secret, created) = NotificationSecret.LoadOrCreate(_directory, NoEnvironment);

        created.ShouldBe(Path.Combine(_directory, "notification-secret"));
        File.GetUnixFileMode(created!).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        secret.ShouldMatch("^[0-9a-f]{64}$");
        File.ReadAllText(created!).ShouldBe(secret + "\n");
        File.Exists(created + ".tmp").ShouldBeFalse();
    }

    [Fact]
    public void LoadOrCreate_FileExists_ReturnsTheSameSecret_AndCreatesNothing()
    {
        var first = NotificationSecret.LoadOrCreate(_directory, NoEnvironment);

        var second = NotificationSecret.LoadOrCreate(_directory, NoEnvironment);

        second.Secret.ShouldBe(first.Secret);
        second.CreatedFile.ShouldBeNull();
    }

    [Fact]
    public void LoadOrCreate_Environment_WinsAndNoFileIsMade()
    {
        var (secret, created) = NotificationSecret.LoadOrCreate(_directory, new Dictionary<string, string?> { ["CONTRAIL_NOTIFICATION_SECRET"] = "from-the-environment-1234" });

        secret.ShouldBe("from-the-environment-1234");
        created.ShouldBeNull();
        File.Exists(Path.Combine(_directory, "notification-secret")).ShouldBeFalse();
    }

    [Fact]
    public void LoadOrCreate_ShortSecret_Refused()
    {
        var e = Should.Throw<InvalidOperationException>(() =>
            NotificationSecret.LoadOrCreate(_directory, new Dictionary<string, string?> { ["CONTRAIL_NOTIFICATION_SECRET"] = "short" }));

        e.Message.ShouldContain("at least 16");
        e.Message.ShouldNotContain("short", Case.Sensitive);
    }

    [Fact]
    public void LoadOrCreate_FileReadableByOthers_Refused()
    {
        var (_, created) = NotificationSecret.LoadOrCreate(_directory, NoEnvironment);
        File.SetUnixFileMode(created!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var e = Should.Throw<InvalidOperationException>(() => NotificationSecret.LoadOrCreate(_directory, NoEnvironment));

        e.Message.ShouldContain("chmod 600");
    }

    [Fact]
    public void LoadOrCreate_HandWrittenFile_TrimmedContentIsTheKey()
    {
        var path = Path.Combine(_directory, "notification-secret");
        File.WriteAllText(path, "  hand-written-secret-value \n\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        NotificationSecret.LoadOrCreate(_directory, NoEnvironment).Secret.ShouldBe("hand-written-secret-value");
    }
}
