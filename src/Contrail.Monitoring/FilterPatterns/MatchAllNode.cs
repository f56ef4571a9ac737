namespace Contrail.Monitoring.FilterPatterns;

/// <summary>The empty pattern (or <c>" "</c>): matches every event, JSON or not (spec §8.1).</summary>
internal sealed record MatchAllNode : PatternNode
{
    public static MatchAllNode Instance { get; } = new();

    public override string ToString() => "";
}
