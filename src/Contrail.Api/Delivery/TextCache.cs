using System.Text.Json;

namespace Contrail.Api.Delivery;

/// <summary>
/// The texts of a few string values seen lately (region names), so that reading one again costs a
/// comparison instead of a new string. Replaces its oldest entry when full. Not thread-safe.
/// </summary>
internal sealed class TextCache
{
    private const int Capacity = 8;

    private readonly byte[][] _utf8 = new byte[Capacity][];
    private readonly string[] _texts = new string[Capacity];
    private int _count;
    private int _next;

    /// <summary>The text of the string value the reader is on.</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return reader.GetString()!;
        }

        var value = reader.ValueSpan;
        for (var i = 0; i < _count; i++)
        {
            if (value.SequenceEqual(_utf8[i]))
            {
                return _texts[i];
            }
        }

        var text = reader.GetString()!;
        _utf8[_next] = value.ToArray();
        _texts[_next] = text;
        _next = (_next + 1) % Capacity;
        _count = Math.Min(_count + 1, Capacity);
        return text;
    }
}
