using Contrail.Api.Rules.Delivery;
using Contrail.Api.Tests.Support;
using Contrail.Serve;

namespace Contrail.Api.Tests.Rules;

/// <summary><c>contrail serve --rule-max-attempts</c> and the rule webhook secret.</summary>
public sealed class RuleOptionsTests
{
    [Fact]
    public void Serve_RuleMaxAttemptsAndSecretFromTheEnvironment_AreInTheSettings()
    {
        var directory = TempDirectory.Create("rule-options");
        try
        {
            var environment = new Dictionary<string, string?> { [RuleDispatcher.SecretVariable] = "from-the-environment-0123" };
            ServeCommand.TryParse(["--rule-max-attempts", "3", "--data-dir", directory], environment, out var settings, out _, out var error).ShouldBeTrue(error);
            settings!.RuleDelivery!.MaxAttempts.ShouldBe(3);
            settings.RuleDelivery.Secret.ShouldBe("from-the-environment-0123");
            File.Exists(Path.Combine(directory, RuleDispatcher.SecretFileName)).ShouldBeFalse();
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public void Serve_WithoutASecret_MakesOneOwnerOnlyAndKeepsIt()
    {
        var directory = TempDirectory.Create("rule-secret");
        try
        {
            ServeCommand.TryParse(["--data-dir", directory], new Dictionary<string, string?>(), out var first, out _, out var error).ShouldBeTrue(error);
            first!.RuleDelivery!.MaxAttempts.ShouldBe(RuleDeliveryPolicy.Default.MaxAttempts);
            var path = Path.Combine(directory, RuleDispatcher.SecretFileName);
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            first.RuleDelivery.Secret!.Length.ShouldBe(64);
            ServeCommand.TryParse(["--data-dir", directory], new Dictionary<string, string?>(), out var second, out _, out _).ShouldBeTrue();
            second!.RuleDelivery!.Secret.ShouldBe(first.RuleDelivery.Secret);
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("many")]
    [InlineData("-1")]
    public void Serve_BadRuleMaxAttempts_IsAClearError(string value)
    {
        ServeCommand.TryParse(["--rule-max-attempts", value], new Dictionary<string, string?>(), out _, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("--rule-max-attempts");
    }
}
