namespace Contrail.Api.Rules;

/// <summary>What <see cref="RuleCatalog.Delete"/> did.</summary>
internal enum RuleDeleteOutcome
{
    Deleted,
    NotFound,

    /// <summary>The rule still has targets (EventBridge refuses to delete it unless forced).</summary>
    HasTargets,
}
