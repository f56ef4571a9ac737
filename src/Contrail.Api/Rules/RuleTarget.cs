namespace Contrail.Api.Rules;

/// <summary>
/// One target of a rule, as persisted: its <c>Id</c>, its <c>Arn</c> (a webhook URL or a log file,
/// <see cref="RuleTargetArn"/>) and, when set, <c>Input</c>: JSON text sent instead of the event.
/// </summary>
internal sealed record RuleTarget(string Id, string Arn, string? Input);
