using System.Text;

namespace Contrail.Monitoring.FilterPatterns;

/// <summary>
/// A string value with <c>*</c> wildcards, matched against UTF-8 text: <c>*</c> stands for any run
/// of characters, empty included, at the start, the end or anywhere between (spec §8.1:
/// prefix/suffix/any-position). Without a <c>*</c> the text must be equal, ordinal and
/// case-sensitive. Comparing UTF-8 bytes gives the same answers as comparing characters because
/// UTF-8 is self-synchronising. Immutable and thread-safe.
/// </summary>
internal sealed class WildcardText
{
    private readonly byte[][] _parts;

    private WildcardText(byte[][] parts) => _parts = parts;

    /// <summary>True for <c>*</c> alone (or only stars): any string or number matches.</summary>
    public bool MatchesAnything { get; private init; }

    public static WildcardText Create(string pattern)
    {
        var parts = pattern.Split('*');
        return new WildcardText([.. parts.Select(Encoding.UTF8.GetBytes)])
        {
            MatchesAnything = parts.Length > 1 && parts.All(p => p.Length == 0),
        };
    }

    public bool IsMatch(ReadOnlySpan<byte> value)
    {
        if (_parts.Length == 1)
        {
            return value.SequenceEqual(_parts[0]);
        }

        // First part is a prefix, last part a suffix, and they may not overlap; the parts between
        // are found left to right, each after the previous one (leftmost is always best).
        var first = _parts[0];
        var last = _parts[^1];
        if (value.Length < first.Length + last.Length || !value.StartsWith(first) || !value.EndsWith(last))
        {
            return false;
        }

        var rest = value[first.Length..^last.Length];
        for (var i = 1; i < _parts.Length - 1; i++)
        {
            var at = rest.IndexOf(_parts[i]);
            if (at < 0)
            {
                return false;
            }

            rest = rest[(at + _parts[i].Length)..];
        }

        return true;
    }
}
