namespace Contrail.Monitoring.Tests.FilterPatterns.Reference;

/// <summary><c>selector op value</c>.</summary>
internal sealed record RefComparison(RefSelector Selector, string Operator, RefValue Value) : RefExpr;
