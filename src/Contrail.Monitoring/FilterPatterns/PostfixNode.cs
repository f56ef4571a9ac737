namespace Contrail.Monitoring.FilterPatterns;

/// <summary><c>selector IS NULL</c>, <c>IS TRUE</c>, <c>IS FALSE</c> or <c>NOT EXISTS</c>.</summary>
internal sealed record PostfixNode(Selector Selector, PostfixTest Test) : PatternNode
{
    public override string ToString() => Test switch
    {
        PostfixTest.IsNull => $"{Selector} IS NULL",
        PostfixTest.IsTrue => $"{Selector} IS TRUE",
        PostfixTest.IsFalse => $"{Selector} IS FALSE",
        _ => $"{Selector} NOT EXISTS",
    };
}
