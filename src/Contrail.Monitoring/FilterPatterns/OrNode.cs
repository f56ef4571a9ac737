using System.Collections.Immutable;

namespace Contrail.Monitoring.FilterPatterns;

/// <summary>Two or more operands joined by <c>||</c>; true when any operand is.</summary>
internal sealed record OrNode(ImmutableArray<PatternNode> Operands) : PatternNode
{
    public override string ToString() => "(" + string.Join(" || ", Operands) + ")";
}
