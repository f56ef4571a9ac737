using System.Globalization;
using System.Numerics;

namespace Contrail.Monitoring.FilterPatterns;

/// <summary>
/// The number grammar of spec §8.1 ([CWL] NUMBER): an optional sign, digits, optionally a point and
/// digits, optionally <c>e</c> or <c>E</c>, an optional sign and digits
/// (<c>[+-]?\d+(\.\d+)?([eE][+-]?\d+)?</c>). It decides whether a bare token is a number, and
/// whether a JSON string field can take part in a numeric comparison. Values are IEEE doubles; an
/// exponent too large gives an infinity, never an error.
/// </summary>
internal static class NumberText
{
    public static bool IsNumber<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        var i = 0;
        if (i < text.Length && At(text, i) is '+' or '-')
        {
            i++;
        }

        if (!Digits(text, ref i))
        {
            return false;
        }

        if (i < text.Length && At(text, i) == '.')
        {
            i++;
            if (!Digits(text, ref i))
            {
                return false;
            }
        }

        if (i < text.Length && At(text, i) is 'e' or 'E')
        {
            i++;
            if (i < text.Length && At(text, i) is '+' or '-')
            {
                i++;
            }

            if (!Digits(text, ref i))
            {
                return false;
            }
        }

        return i == text.Length;
    }

    /// <summary>The value of text that <see cref="IsNumber{T}"/> accepted (or a JSON number).</summary>
    public static double Parse(ReadOnlySpan<char> text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <inheritdoc cref="Parse(ReadOnlySpan{char})"/>
    public static double Parse(ReadOnlySpan<byte> utf8) => double.Parse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static char At<T>(ReadOnlySpan<T> text, int index)
        where T : unmanaged, IBinaryInteger<T> => (char)ushort.CreateTruncating(text[index]);

    private static bool Digits<T>(ReadOnlySpan<T> text, ref int i)
        where T : unmanaged, IBinaryInteger<T>
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(At(text, i)))
        {
            i++;
        }

        return i > start;
    }
}
