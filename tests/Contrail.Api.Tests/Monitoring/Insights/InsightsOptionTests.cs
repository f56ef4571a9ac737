using Contrail.Serve;

namespace Contrail.Api.Tests.Monitoring.Insights;

/// <summary><c>contrail serve --insights-*</c>: the detector's settings.</summary>
public sealed class InsightsOptionTests : IDisposable
{
    private readonly string _directory = Support.TempDirectory.Create("insights-options");

    public void Dispose() => Support.TempDirectory.Delete(_directory);

    [Fact]
    public void Serve_InsightsOptions_AreTheSettings()
    {
        var ok = ServeCommand.TryParse(
            ["--data-dir", _directory, "--insights-baseline", "24h", "--insights-warm-up=90m", "--insights-sigma", "2.5", "--insights-min-ratio", "1.5", "--insights-min-count", "25"],
            new Dictionary<string, string?>(), out var settings, out _, out var error);

        ok.ShouldBeTrue(error);
        var insights = settings!.Insights.ShouldNotBeNull();
        insights.Baseline.ShouldBe(TimeSpan.FromHours(24));
        insights.WarmUp.ShouldBe(TimeSpan.FromMinutes(90));
        insights.Sigma.ShouldBe(2.5);
        insights.MinimumRatio.ShouldBe(1.5);
        insights.MinimumCount.ShouldBe(25);
    }

    [Fact]
    public void Serve_NoInsightsOptions_IsNull_MeaningTheDefaults()
    {
        ServeCommand.TryParse(["--data-dir", _directory], new Dictionary<string, string?>(), out var settings, out _, out _).ShouldBeTrue();

        settings!.Insights.ShouldBeNull();
    }

    [Theory]
    [InlineData("--insights-baseline", "90m")]
    [InlineData("--insights-baseline", "7d")]
    [InlineData("--insights-warm-up", "soon")]
    [InlineData("--insights-sigma", "-1")]
    [InlineData("--insights-sigma", "NaN")]
    [InlineData("--insights-min-ratio", "0.5")]
    [InlineData("--insights-min-count", "0")]
    [InlineData("--insights-min-count", "2.5")]
    public void Serve_BadInsightsOption_IsAClearError(string option, string value)
    {
        var ok = ServeCommand.TryParse(["--data-dir", _directory, option, value], new Dictionary<string, string?>(), out _, out _, out var error);

        ok.ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain(option);
    }
}
