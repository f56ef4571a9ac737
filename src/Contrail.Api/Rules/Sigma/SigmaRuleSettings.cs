namespace Contrail.Api.Rules.Sigma;

/// <summary>
/// Sigma rules loaded at start (<c>serve --sigma-rules FILE --sigma-target ARN</c>): the rule file (the JSON
/// form of <c>data/rules/sigma-aws-cloudtrail-rules.json</c>) and the one target (a webhook URL or
/// <c>arn:contrail:logs:::NAME</c>, <see cref="RuleTargetArn"/>) every supported rule delivers to.
/// </summary>
internal sealed record SigmaRuleSettings(string Path, string TargetArn);
