using Contrail.Monitoring.Rules.EventPatterns;

namespace Contrail.Api.Rules;

/// <summary>An enabled rule ready to match: its pattern compiled once, and its targets ready to deliver to.</summary>
internal sealed record CompiledRule(EventRule Rule, EventPattern Pattern, IReadOnlyList<CompiledTarget> Targets);
