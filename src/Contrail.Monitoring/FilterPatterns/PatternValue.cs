using System.Text;
using System.Text.RegularExpressions;

namespace Contrail.Monitoring.FilterPatterns;

/// <summary>The value on the right of a comparison, as parsed.</summary>
/// <param name="Kind">How the value is matched.</param>
/// <param name="Text">
/// For <see cref="PatternValueKind.Text"/> the unescaped string (a <c>*</c> in it is a wildcard);
/// for <see cref="PatternValueKind.Number"/> the token as written; for
/// <see cref="PatternValueKind.Regex"/> the expression between the <c>%</c>s.
/// </param>
/// <param name="Number">The number's value (<see cref="PatternValueKind.Number"/> only).</param>
/// <param name="Regex">The compiled expression (<see cref="PatternValueKind.Regex"/> only).</param>
internal sealed record PatternValue(PatternValueKind Kind, string Text, double Number, Regex? Regex)
{
    public static PatternValue FromText(string text) => new(PatternValueKind.Text, text, 0, null);

    public static PatternValue FromNumber(string token) =>
        new(PatternValueKind.Number, token, NumberText.Parse(token.AsSpan()), null);

    public static PatternValue FromRegex(string expression, Regex regex) => new(PatternValueKind.Regex, expression, 0, regex);

    /// <summary>The value as pattern text: strings quoted (<c>"</c> and <c>\</c> escaped), numbers as written, regexes in <c>%</c>.</summary>
    public override string ToString() => Kind switch
    {
        PatternValueKind.Number => Text,
        PatternValueKind.Regex => "%" + Text + "%",
        _ => Quote(Text),
    };

    private static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                quoted.Append('\\');
            }

            quoted.Append(c);
        }

        return quoted.Append('"').ToString();
    }
}
