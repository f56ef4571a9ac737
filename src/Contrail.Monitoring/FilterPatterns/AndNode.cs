using System.Collections.Immutable;

namespace Contrail.Monitoring.FilterPatterns;

/// <summary>Two or more operands joined by <c>&amp;&amp;</c>; true when every operand is.</summary>
internal sealed record AndNode(ImmutableArray<PatternNode> Operands) : PatternNode
{
    public override string ToString() => "(" + string.Join(" && ", Operands) + ")";
}
