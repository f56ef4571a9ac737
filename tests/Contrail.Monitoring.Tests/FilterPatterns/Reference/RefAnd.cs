namespace Contrail.Monitoring.Tests.FilterPatterns.Reference;

/// <summary>Operands joined by &amp;&amp;.</summary>
internal sealed record RefAnd(IReadOnlyList<RefExpr> Operands) : RefExpr;
