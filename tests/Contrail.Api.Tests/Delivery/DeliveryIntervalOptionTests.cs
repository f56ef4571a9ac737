using Contrail.Serve;

namespace Contrail.Api.Tests.Delivery;

/// <summary><c>contrail serve --delivery-interval</c>: 5s, 2m, 1h; anything else is refused.</summary>
public sealed class DeliveryIntervalOptionTests
{
    [Theory]
    [InlineData("5s", 5)]
    [InlineData("2m", 120)]
    [InlineData("1h", 3600)]
    public void Duration_Accepted(string text, int seconds)
    {
        ServeCommand.TryParseDuration(text, out var duration).ShouldBeTrue();
        duration.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("0s")]
    [InlineData("-5s")]
    [InlineData("5d")]
    [InlineData("1.5m")]
    [InlineData("s")]
    public void Duration_Refused(string text) => ServeCommand.TryParseDuration(text, out _).ShouldBeFalse();

    [Fact]
    public void Serve_BadInterval_IsAClearError()
    {
        var ok = ServeCommand.TryParse(["--delivery-interval", "soon"], new Dictionary<string, string?>(), out _, out _, out var error);
        ok.ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("--delivery-interval");
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("0s")]
    [InlineData("5d")]
    public void Serve_BadDigestInterval_IsAClearError_NamingTheOption(string value)
    {
        var ok = ServeCommand.TryParse(["--digest-interval", value], new Dictionary<string, string?>(), out _, out _, out var error);
        ok.ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("--digest-interval");
        error.ShouldContain(value);
    }

    [Fact]
    public void Serve_DigestInterval_IsInTheSettings()
    {
        var directory = Contrail.Api.Tests.Support.TempDirectory.Create("digest-option");
        try
        {
            ServeCommand.TryParse(["--digest-interval", "10s", "--data-dir", directory], new Dictionary<string, string?>(), out var settings, out _, out var error)
                .ShouldBeTrue(error);
            settings!.DigestInterval.ShouldBe(TimeSpan.FromSeconds(10));
        }
        finally
        {
            Contrail.Api.Tests.Support.TempDirectory.Delete(directory);
        }
    }
}
