using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Contrail.Monitoring.Rules.Sigma;

/// <summary>
/// Compiles one value of a Sigma detection field into a test of one event value. Sigma semantics:
/// strings compare case-insensitively, with <c>*</c> (any run) and <c>?</c> (one character) as wildcards
/// (<c>\*</c>, <c>\?</c>, <c>\\</c> literal); <c>|contains</c>, <c>|startswith</c>, <c>|endswith</c> put
/// wildcards around; <c>|re</c> is a case-sensitive regular expression search. Numbers and booleans in the
/// event compare as their JSON text (<c>5</c>, <c>true</c>).
/// </summary>
internal static class SigmaValue
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    public static Func<string, bool> Compile(string value, string? modifier)
    {
        if (modifier == "re")
        {
            var regex = new Regex(value, RegexOptions.CultureInvariant, RegexTimeout);
            return text => regex.IsMatch(text);
        }

        if (!ContainsWildcard(value))
        {
            switch (modifier)
            {
                case "contains":
                    return text => text.Contains(value, StringComparison.OrdinalIgnoreCase);
                case "startswith":
                    return text => text.StartsWith(value, StringComparison.OrdinalIgnoreCase);
                case "endswith":
                    return text => text.EndsWith(value, StringComparison.OrdinalIgnoreCase);
                default:
                    return text => string.Equals(text, value, StringComparison.OrdinalIgnoreCase);
            }
        }

        var pattern = modifier switch
        {
            "contains" => "*" + value + "*",
            "startswith" => value + "*",
            "endswith" => "*" + value,
            _ => value,
        };
        if (modifier is null && Literal(pattern) is { } literal)
        {
            return text => string.Equals(text, literal, StringComparison.OrdinalIgnoreCase);
        }

        var glob = new Regex(ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, RegexTimeout);
        return text => glob.IsMatch(text);
    }

    /// <summary>The event value as Sigma compares it; null for objects and JSON null.</summary>
    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static bool ContainsWildcard(string value) => value.AsSpan().IndexOfAny('*', '?', '\\') >= 0;

    // The pattern unescaped when it has no unescaped wildcard at all (null otherwise).
    private static string? Literal(string pattern)
    {
        var text = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '*' or '?' or '\\')
            {
                text.Append(pattern[++i]);
            }
            else if (c is '*' or '?')
            {
                return null;
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '*' or '?' or '\\')
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else
            {
                regex.Append(c switch
                {
                    '*' => ".*",
                    '?' => ".",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return regex.Append('$').ToString();
    }
}
