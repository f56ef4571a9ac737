using Contrail.Api.Tests.Support;
using Contrail.Serve;

namespace Contrail.Api.Tests.Delivery.Notifications;

/// <summary><c>contrail serve --notification-url</c>: an absolute http(s) URL; the secret is made only when it is given.</summary>
public sealed class NotificationUrlOptionTests : IDisposable
{
    private readonly string _dataDirectory = TempDirectory.Create("notification-option");

    public void Dispose() => TempDirectory.Delete(_dataDirectory);

    [Fact]
    public void Serve_NotificationUrl_SettingsCarryUrlAndGeneratedSecret()
    {
        var ok = ServeCommand.TryParse(["--data-dir", _dataDirectory, "--notification-url", "https://hooks.example.com/contrail?x=1"], Environment(), out var settings, out _, out var error);

        ok.ShouldBeTrue(error);
        var target = settings!.Notifications.ShouldNotBeNull();
        target.Url.ShouldBe(new Uri("https://hooks.example.com/contrail?x=1"));
        target.Secret.ShouldBe(File.ReadAllText(Path.Combine(_dataDirectory, "notification-secret")).Trim());
        target.ToString().ShouldNotContain(target.Secret);
        target.ToString().ShouldNotContain("contrail?x=1");
    }

    [Fact]
    public void Serve_NoNotificationUrl_NoNotificationsAndNoSecretFile()
    {
        ServeCommand.TryParse(["--data-dir", _dataDirectory], Environment(), out var settings, out _, out var error).ShouldBeTrue(error);

        settings!.Notifications.ShouldBeNull();
        File.Exists(Path.Combine(_dataDirectory, "notification-secret")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("hooks.example.com/contrail")]
    [InlineData("/relative/path")]
    [InlineData("ftp://hooks.example.com/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://user:password@hooks.example.com/")]
    public void Serve_BadNotificationUrl_IsAClearError(string url)
    {
        var ok = ServeCommand.TryParse(["--data-dir", _dataDirectory, "--notification-url", url], Environment(), out _, out _, out var error);

        ok.ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("--notification-url");
    }

    [Fact]
    public void Serve_ShortSecretInEnvironment_IsAClearError()
    {
        var environment = Environment();
        environment["CONTRAIL_NOTIFICATION_SECRET"] = "too-short";

        var ok = ServeCommand.TryParse(["--data-dir", _dataDirectory, "--notification-url", "http://127.0.0.1:9/"], environment, out _, out _, out var error);

        ok.ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("CONTRAIL_NOTIFICATION_SECRET");
    }

    private static Dictionary<string, string?> Environment() => new()
    {
        ["CONTRAIL_ROOT_ACCESS_KEY_ID"] = TestServer.AccessKeyId,
        ["CONTRAIL_ROOT_SECRET_ACCESS_KEY"] = TestServer.Secret,
    };
}
