namespace Contrail.Monitoring.Rules.EventPatterns;

/// <summary>One member of a pattern object: a nested pattern (<see cref="Nested"/>) or a leaf list of alternatives (<see cref="Alternatives"/>).</summary>
internal sealed record PatternField(string Name, PatternObject? Nested, ValueMatcher[] Alternatives);
