using Contrail.Serve;

namespace Contrail.Api.Tests.PublicKeys;

/// <summary><c>contrail serve --key-rotation</c>: the duration parser of <c>--delivery-interval</c>.</summary>
public sealed class KeyRotationOptionTests : IDisposable
{
    private readonly string _directory = Support.TempDirectory.Create("key-rotation");

    public void Dispose() => Support.TempDirectory.Delete(_directory);

    [Theory]
    [InlineData("720h", 720 * 3600)]
    [InlineData("30m", 1800)]
    [InlineData("5s", 5)]
    public void Serve_KeyRotation_IsTheSetting(string text, int seconds)
    {
        var ok = ServeCommand.TryParse(["--data-dir", _directory, "--key-rotation", text], new Dictionary<string, string?>(), out var settings, out _, out var error);

        ok.ShouldBeTrue(error);
        settings!.KeyRotation.ShouldBe(TimeSpan.FromSeconds(seconds));
        settings.KeysDirectory.ShouldBe(Path.Combine(_directory, "keys"));
    }

    [Fact]
    public void Serve_NoKeyRotation_IsNull_MeaningThirtyDays()
    {
        ServeCommand.TryParse(["--data-dir", _directory], new Dictionary<string, string?>(), out var settings, out _, out _).ShouldBeTrue();

        settings!.KeyRotation.ShouldBeNull();
    }

    [Theory]
    [InlineData("30d")]
    [InlineData("0h")]
    [InlineData("monthly")]
    public void Serve_BadKeyRotation_IsAClearError(string text)
    {
        var ok = ServeCommand.TryParse(["--data-dir", _directory, "--key-rotation", text], new Dictionary<string, string?>(), out _, out _, out var error);

        ok.ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("--key-rotation");
    }
}
