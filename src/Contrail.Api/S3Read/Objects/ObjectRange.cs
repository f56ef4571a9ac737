using System.Globalization;

namespace Contrail.Api.S3Read.Objects;

/// <summary>
/// One byte range of a <c>Range: bytes=…</c> header (RFC 9110 §14.1.2) against an object's size:
/// <c>a-b</c>, <c>a-</c> or <c>-suffix</c>. A header that is absent, malformed or asks for several
/// ranges is ignored (the whole object, 200), as S3 does; one that starts past the end is unsatisfiable (416).
/// </summary>
internal readonly record struct ObjectRange(long Start, long Length)
{
    public enum Kind
    {
        Whole,
        Partial,
        Unsatisfiable,
    }

    public long Last => Start + Length - 1;

    /// <summary>The <c>Content-Range</c> value, e.g. <c>bytes 0-99/1234</c>.</summary>
    public string ContentRange(long size) => string.Create(CultureInfo.InvariantCulture, $"bytes {Start}-{Last}/{size}");

    public static Kind Parse(string? header, long size, out ObjectRange range)
    {
        range = new ObjectRange(0, size);
        if (string.IsNullOrWhiteSpace(header))
        {
            return Kind.Whole;
        }

        var value = header.Trim();
        if (!value.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || value.Contains(',', StringComparison.Ordinal))
        {
            return Kind.Whole;
        }

        var spec = value[6..].Trim();
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return Kind.Whole;
        }

        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.Length == 0)
        {
            // A suffix: the last N bytes.
            if (!TryNumber(last, out var suffix))
            {
                return Kind.Whole;
            }

            if (suffix == 0 || size == 0)
            {
                return Kind.Unsatisfiable;
            }

            var length = Math.Min(suffix, size);
            range = new ObjectRange(size - length, length);
            return Kind.Partial;
        }

        if (!TryNumber(first, out var start))
        {
            return Kind.Whole;
        }

        long end;
        if (last.Length == 0)
        {
            end = size - 1;
        }
        else if (!TryNumber(last, out end) || end < start)
        {
            return Kind.Whole;
        }

        if (start >= size)
        {
            return Kind.Unsatisfiable;
        }

        end = Math.Min(end, size - 1);
        range = new ObjectRange(start, end - start + 1);
        return Kind.Partial;
    }

    private static bool TryNumber(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
