using System.Collections.Immutable;

namespace Contrail.Monitoring.FilterPatterns;

/// <summary>A property selector such as <c>$.userIdentity.type</c> or <c>$.coordinates[0][1]</c>: at least one step from the root.</summary>
internal sealed record Selector(ImmutableArray<SelectorStep> Steps)
{
    public override string ToString() => "$" + string.Concat(Steps);
}
