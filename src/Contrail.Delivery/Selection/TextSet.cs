namespace Contrail.Delivery.Selection;

/// <summary>
/// A set of strings tested against a span by equality, prefix or suffix, ordinal. Prefix and
/// suffix tests probe the hash set once per distinct value length (at most a few lengths in
/// practice), so a test costs neither an allocation nor a scan of every value. Immutable after
/// construction; safe to share between threads.
/// </summary>
internal sealed class TextSet
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int[] _lengths;

    public TextSet(IEnumerable<string> values)
    {
        var set = new HashSet<string>(values, StringComparer.Ordinal);
        _lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        _lengths = [.. set.Select(v => v.Length).Distinct().Order()];
    }

    public bool IsEmpty => _lengths.Length == 0;

    public bool Contains(ReadOnlySpan<char> value) => _lookup.Contains(value);

    /// <summary>Whether one of the values is a prefix of <paramref name="value"/>.</summary>
    public bool HasPrefixOf(ReadOnlySpan<char> value)
    {
        foreach (var length in _lengths)
        {
            if (length > value.Length)
            {
                return false;
            }

            if (_lookup.Contains(value[..length]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether one of the values is a suffix of <paramref name="value"/>.</summary>
    public bool HasSuffixOf(ReadOnlySpan<char> value)
    {
        foreach (var length in _lengths)
        {
            if (length > value.Length)
            {
                return false;
            }

            if (_lookup.Contains(value[^length..]))
            {
                return true;
            }
        }

        return false;
    }
}
