namespace Contrail.Monitoring.Tests.FilterPatterns.Reference;

/// <summary>Operands joined by ||.</summary>
internal sealed record RefOr(IReadOnlyList<RefExpr> Operands) : RefExpr;
