namespace Contrail.Monitoring.FilterPatterns;

/// <summary>A scanned record as conditions see it: one <see cref="FieldValue"/> per selector node, and the text behind them.</summary>
internal readonly ref struct RecordValues(ReadOnlySpan<byte> record, ReadOnlySpan<byte> unescaped, ReadOnlySpan<FieldValue> fields)
{
    private readonly ReadOnlySpan<byte> _record = record;
    private readonly ReadOnlySpan<byte> _unescaped = unescaped;
    private readonly ReadOnlySpan<FieldValue> _fields = fields;

    public FieldValue this[int slot] => _fields[slot];

    /// <summary>The UTF-8 text of a string (unescaped) or number (as written).</summary>
    public ReadOnlySpan<byte> Text(FieldValue field) => (field.Unescaped ? _unescaped : _record).Slice(field.Start, field.Length);
}
