using System.Text;

namespace Contrail.Monitoring.Tests.FilterPatterns.Reference;

/// <summary>
/// Prints a <see cref="RefExpr"/> as pattern text with as few parentheses as precedence allows
/// (plus those marked <see cref="RefExpr.Parenthesised"/>), so the parser's precedence is what
/// decides the grouping. <paramref name="gap"/> is the optional whitespace between tokens.
/// </summary>
internal static class RefPrinter
{
    public static string Print(RefExpr expression, string gap) => "{" + gap + Expression(expression, gap, parent: null) + gap + "}";

    private static string Expression(RefExpr expression, string gap, string? parent)
    {
        var text = expression switch
        {
            RefAnd and => string.Join(gap + "&&" + gap, and.Operands.Select(o => Expression(o, gap, "&&"))),
            RefOr or => string.Join(gap + "||" + gap, or.Operands.Select(o => Expression(o, gap, "||"))),
            RefComparison c => Selector(c.Selector) + gap + c.Operator + gap + Value(c.Value),
            RefPostfix p => Selector(p.Selector) + " " + p.Keyword,
            _ => throw new InvalidOperationException(),
        };

        // An || operand of && needs parentheses; so does a group inside a group of the same
        // operator only if marked (it is equivalent either way).
        var needs = expression is RefOr && parent == "&&";
        return needs || expression.Parenthesised ? "(" + gap + text + gap + ")" : text;
    }

    private static string Selector(RefSelector selector) =>
        "$" + string.Concat(selector.Steps.Select(s => s is int i ? $"[{i}]" : "." + s));

    private static string Value(RefValue value) => value.Kind switch
    {
        "quoted" => Quote(value.Text),
        "regex" => "%" + value.Text + "%",
        _ => value.Text,
    };

    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c is '"' or '\\' ? "\\" + c : c.ToString());
        }

        return builder.Append('"').ToString();
    }
}
