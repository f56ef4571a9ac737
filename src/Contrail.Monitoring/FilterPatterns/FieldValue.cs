namespace Contrail.Monitoring.FilterPatterns;

/// <summary>
/// What one selector found in one record. For a string or number, <see cref="Start"/> and
/// <see cref="Length"/> locate its text: in the record's own bytes (a number, or a string without
/// escapes), or, when <see cref="Unescaped"/>, in the scanner's buffer of unescaped strings.
/// </summary>
internal readonly record struct FieldValue(FieldKind Kind, int Start, int Length, bool Unescaped)
{
    public static FieldValue Of(FieldKind kind) => new(kind, 0, 0, false);

    /// <summary>A JSON string or number: the only values comparisons apply to.</summary>
    public bool IsText => Kind is FieldKind.String or FieldKind.Number;
}
