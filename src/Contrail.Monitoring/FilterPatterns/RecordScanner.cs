using System.Buffers;
using System.Text.Json;

namespace Contrail.Monitoring.FilterPatterns;

/// <summary>
/// Reads one record's UTF-8 JSON once, forward only, with <see cref="Utf8JsonReader"/>, and fills
/// a <see cref="FieldValue"/> for every selector node the record reaches; everything else is
/// skipped. Nodes the record does not reach stay <see cref="FieldKind.Missing"/>.
/// <list type="bullet">
/// <item>A property that appears twice in one object: the first occurrence counts.</item>
/// <item>Once every top-level property the pattern names has been read, the scan stops, so
/// the rest of the record is neither read nor validated.</item>
/// <item>Strings with escapes are unescaped into one buffer rented from
/// <see cref="ArrayPool{T}"/> on first need (a string never unescapes longer than its JSON), which
/// <see cref="Dispose"/> returns.</item>
/// </list>
/// Malformed JSON met on the way throws <see cref="JsonException"/>.
/// </summary>
internal ref struct RecordScanner
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = PatternLimits.MaxJsonDepth };

    private readonly ReadOnlySpan<byte> _record;
    private readonly Span<FieldValue> _fields;
    private byte[]? _buffer;
    private int _used;

    public RecordScanner(ReadOnlySpan<byte> record, Span<FieldValue> fields)
    {
        _record = record;
        _fields = fields;
        fields.Clear();
    }

    /// <summary>The unescaped strings the scan has copied.</summary>
    public readonly ReadOnlySpan<byte> Unescaped => _buffer.AsSpan(0, _used);

    /// <summary>Scans the record; false when it is not a JSON object (a JSON pattern then matches nothing).</summary>
    public bool Scan(SelectorNode root)
    {
        var reader = new Utf8JsonReader(_record, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        _fields[root.Id] = FieldValue.Of(FieldKind.Object);
        var pending = root.PropertyCount;
        while (pending > 0 && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var child = root.FindProperty(ref reader);
            reader.Read();
            if (child is null || _fields[child.Id].Kind != FieldKind.Missing)
            {
                reader.Skip();
                continue;
            }

            Visit(ref reader, child);
            pending--;
        }

        return true;
    }

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }

    // The reader is on the first token of the node's value; it is left on the value's last token.
    // Recursion is as deep as the selector, which the record's own depth (MaxJsonDepth) bounds.
    private void Visit(ref Utf8JsonReader reader, SelectorNode node)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                _fields[node.Id] = String(ref reader);
                break;
            case JsonTokenType.Number:
                _fields[node.Id] = new FieldValue(FieldKind.Number, checked((int)reader.TokenStartIndex), reader.ValueSpan.Length, false);
                break;
            case JsonTokenType.True:
                _fields[node.Id] = FieldValue.Of(FieldKind.True);
                break;
            case JsonTokenType.False:
                _fields[node.Id] = FieldValue.Of(FieldKind.False);
                break;
            case JsonTokenType.Null:
                _fields[node.Id] = FieldValue.Of(FieldKind.Null);
                break;
            case JsonTokenType.StartObject:
                _fields[node.Id] = FieldValue.Of(FieldKind.Object);
                VisitObject(ref reader, node);
                break;
            case JsonTokenType.StartArray:
                _fields[node.Id] = FieldValue.Of(FieldKind.Array);
                VisitArray(ref reader, node);
                break;
        }
    }

    private void VisitObject(ref Utf8JsonReader reader, SelectorNode node)
    {
        if (node.PropertyCount == 0)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var child = node.FindProperty(ref reader);
            reader.Read();
            if (child is null || _fields[child.Id].Kind != FieldKind.Missing)
            {
                reader.Skip();
            }
            else
            {
                Visit(ref reader, child);
            }
        }
    }

    private void VisitArray(ref Utf8JsonReader reader, SelectorNode node)
    {
        if (!node.HasElements)
        {
            reader.Skip();
            return;
        }

        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var child = node.FindElement(index++);
            if (child is null)
            {
                reader.Skip();
            }
            else
            {
                Visit(ref reader, child);
            }
        }
    }

    private FieldValue String(ref Utf8JsonReader reader)
    {
        var length = reader.ValueSpan.Length;
        if (!reader.ValueIsEscaped)
        {
            // TokenStartIndex is the opening quote.
            return new FieldValue(FieldKind.String, checked((int)reader.TokenStartIndex) + 1, length, false);
        }

        _buffer ??= ArrayPool<byte>.Shared.Rent(_record.Length);
        int written;
        try
        {
            written = reader.CopyString(_buffer.AsSpan(_used));
        }
        catch (InvalidOperationException e)
        {
            // An escaped lone surrogate: the record is not valid text.
            throw new JsonException("A string in the record has an invalid escape.", e);
        }

        var value = new FieldValue(FieldKind.String, _used, written, true);
        _used += written;
        return value;
    }
}
