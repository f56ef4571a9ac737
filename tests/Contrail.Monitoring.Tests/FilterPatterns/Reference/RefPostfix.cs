namespace Contrail.Monitoring.Tests.FilterPatterns.Reference;

/// <summary><c>selector IS NULL</c> and friends; <see cref="Keyword"/> is printed as is.</summary>
internal sealed record RefPostfix(RefSelector Selector, string Keyword) : RefExpr;
