namespace Contrail.Monitoring.FilterPatterns;

/// <summary>
/// Why a filter pattern was refused: the first place the parser could not go on, and what it
/// expected there. A parse error is a value, never an exception.
/// </summary>
/// <param name="Position">
/// The 0-based offset, in UTF-16 code units (<see cref="string"/> indexes), into the pattern text
/// where the parser stopped; the pattern's length when it ended too early.
/// </param>
/// <param name="Expected">What would have been accepted there, e.g. <c>a comparison operator, IS or NOT EXISTS</c>.</param>
public sealed record FilterPatternError(int Position, string Expected)
{
    /// <summary>The error as one line, <c>expected {Expected} at {Position}</c>.</summary>
    public string Message => $"expected {Expected} at {Position}";

    /// <inheritdoc/>
    public override string ToString() => Message;
}
