using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Contrail.Monitoring.MetricFilters;

/// <summary>
/// A field of a record named as a metric filter names it: <c>$.userIdentity.type</c>,
/// <c>$.resources[0].ARN</c> (the selector grammar of filter patterns, docs/dev/filter-patterns.md).
/// Used for a metric transformation's <c>metricValue</c> and dimension values, and for
/// <c>TestMetricFilter</c>'s extracted values. Immutable and thread-safe.
/// </summary>
public sealed class FieldSelector
{
    // A step is a property name (UTF-8) or, when Name is null, an array index.
    private readonly (byte[]? Name, int Index)[] _steps;

    private FieldSelector(string text, (byte[]? Name, int Index)[] steps)
    {
        Text = text;
        _steps = steps;
    }

    /// <summary>The selector as written.</summary>
    public string Text { get; }

    /// <summary>
    /// Parses <c>$</c> followed by one or more <c>.name</c> (letters, digits, <c>_</c>, <c>-</c>) or
    /// <c>[index]</c> steps; null for anything else.
    /// </summary>
    public static FieldSelector? TryParse(string? text)
    {
        if (text is null || text.Length < 2 || text[0] != '$')
        {
            return null;
        }

        var steps = new List<(byte[]?, int)>();
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var start = ++i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-'))
                {
                    i++;
                }

                if (i == start)
                {
                    return null;
                }

                steps.Add((Encoding.UTF8.GetBytes(text[start..i]), -1));
            }
            else if (text[i] == '[')
            {
                var start = ++i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                if (i == start || i >= text.Length || text[i] != ']'
                    || !int.TryParse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return null;
                }

                steps.Add((null, index));
                i++;
            }
            else
            {
                return null;
            }
        }

        return new FieldSelector(text, [.. steps]);
    }

    /// <summary>
    /// Reads the field from a record (UTF-8 JSON). A string gives its unescaped text, a number its
    /// JSON text, <c>true</c>/<c>false</c>/<c>null</c> their literal; an object, an array, a missing
    /// field or a malformed record give null. The first occurrence of a repeated property counts.
    /// </summary>
    public FieldReading? Read(ReadOnlySpan<byte> record)
    {
        try
        {
            var reader = new Utf8JsonReader(record, new JsonReaderOptions { MaxDepth = 256 });
            return reader.Read() ? Find(ref reader, 0) : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate in the string read.
            return null;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    // The reader is on the first token of the value that step `depth` applies to.
    private FieldReading? Find(ref Utf8JsonReader reader, int depth)
    {
        if (depth == _steps.Length)
        {
            return reader.TokenType switch
            {
                JsonTokenType.String => new FieldReading(reader.GetString()!, false),
                JsonTokenType.Number => new FieldReading(Encoding.UTF8.GetString(reader.ValueSpan), true),
                JsonTokenType.True => new FieldReading("true", false, true),
                JsonTokenType.False => new FieldReading("false", false, true),
                JsonTokenType.Null => new FieldReading("null", false, true),
                _ => null,
            };
        }

        var (name, index) = _steps[depth];
        if (name is not null && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(name);
                reader.Read();
                if (match)
                {
                    return Find(ref reader, depth + 1);
                }

                reader.Skip();
            }
        }
        else if (name is null && reader.TokenType == JsonTokenType.StartArray)
        {
            var position = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (position++ == index)
                {
                    return Find(ref reader, depth + 1);
                }

                reader.Skip();
            }
        }

        return null;
    }
}
