namespace Contrail.Monitoring.Rules.EventPatterns;

/// <summary>
/// An EventBridge wildcard: <c>*</c> stands for any run of characters (none included); <c>\*</c> is a
/// literal star and <c>\\</c> a literal backslash. Case-sensitive, ordinal. Matching is the greedy
/// two-pointer walk with one backtrack point, linear in practice and O(n·m) at worst, never exponential.
/// </summary>
internal sealed class WildcardGlob
{
    // The pattern with escapes removed; _star[i] tells whether position i is a wildcard star.
    private readonly string _chars;
    private readonly bool[] _star;

    private WildcardGlob(string chars, bool[] star)
    {
        _chars = chars;
        _star = star;
    }

    /// <summary>Compiles <paramref name="pattern"/>, or returns EventBridge's reason for refusing it.</summary>
    public static (WildcardGlob? Glob, string? Error) Compile(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var chars = new System.Text.StringBuilder(pattern.Length);
        var stars = new List<bool>(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 >= pattern.Length || pattern[i + 1] is not ('*' or '\\'))
                {
                    return (null, $"Invalid escape character at pos {Position(pattern, i)}");
                }

                chars.Append(pattern[++i]);
                stars.Add(false);
                continue;
            }

            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                return (null, $"Consecutive wildcard characters at pos {Position(pattern, i)}");
            }

            chars.Append(c);
            stars.Add(c == '*');
        }

        return (new WildcardGlob(chars.ToString(), [.. stars]), null);
    }

    // EventBridge counts positions in UTF-8 bytes of the quoted operand: the opening quote is 0.
    private static int Position(string pattern, int index) => System.Text.Encoding.UTF8.GetByteCount(pattern.AsSpan(0, index)) + 1;

    /// <summary>Whether the whole of <paramref name="text"/> matches.</summary>
    public bool Matches(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < _chars.Length && _star[p])
            {
                starP = p++;
                starT = t;
            }
            else if (p < _chars.Length && _chars[p] == text[t])
            {
                p++;
                t++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }

        while (p < _chars.Length && _star[p])
        {
            p++;
        }

        return p == _chars.Length;
    }
}
