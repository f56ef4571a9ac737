using Contrail.Api.Service;
using Contrail.Monitoring.Rules.Sigma;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Rules.Sigma;

/// <summary>
/// The Sigma rules the service matches journaled records against, next to the EventBridge rules
/// (docs/dev/rules.md): loaded once at start from <see cref="ContrailSettings.SigmaRules"/>; the supported
/// ones deliver to the configured target under the rule name <c>sigma-ID</c>; the unsupported ones are
/// logged with their reason. Immutable after construction.
/// </summary>
internal sealed partial class SigmaRules
{
    public SigmaRules(ContrailSettings settings, RuleCatalog catalog, ILogger<SigmaRules> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(catalog);
        if (settings.SigmaRules is not { } sigma)
        {
            return;
        }

        All = SigmaRuleSet.LoadFile(sigma.Path);
        Supported = [.. All.Where(r => r.Supported)];
        Targets = [CompiledTarget.Of(new RuleTarget("sigma", sigma.TargetArn, null), catalog.Directory)];
        LogLoaded(logger, Supported.Count, All.Count, sigma.Path);
        foreach (var rule in All.Where(r => !r.Supported))
        {
            LogUnsupported(logger, rule.File, rule.Unsupported!);
        }
    }

    /// <summary>Every rule of the file, supported or not.</summary>
    public IReadOnlyList<SigmaRule> All { get; } = [];

    /// <summary>The rules that are matched.</summary>
    public IReadOnlyList<SigmaRule> Supported { get; } = [];

    /// <summary>Where matches go.</summary>
    public IReadOnlyList<CompiledTarget> Targets { get; } = [];

    /// <summary>The rule name deliveries carry (<c>X-Contrail-Rule</c>, dead letters).</summary>
    public static string RuleName(SigmaRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return "sigma-" + rule.Id;
    }

    [LoggerMessage(EventId = 6106, Level = LogLevel.Information, Message = "Sigma: {Supported} of {Total} rules from {Path} are matched")]
    private static partial void LogLoaded(ILogger logger, int supported, int total, string path);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Information, Message = "Sigma: {File} is not supported: {Reason}")]
    private static partial void LogUnsupported(ILogger logger, string file, string reason);
}
