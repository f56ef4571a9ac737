namespace Contrail.Monitoring.Tests.FilterPatterns.Reference;

/// <summary>
/// A pattern as the property tests generate it, independent of the product's syntax tree. The
/// reference interpreter evaluates it directly; <see cref="RefPrinter"/> turns it into pattern
/// text for the product's parser.
/// </summary>
internal abstract record RefExpr
{
    /// <summary>Printed inside parentheses even where precedence does not need them.</summary>
    public bool Parenthesised { get; init; }
}
