using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Contrail.Monitoring.Tests.FilterPatterns.Reference;

/// <summary>
/// A deliberately plain interpreter of the semantics in docs/dev/filter-patterns.md, over a
/// parsed <see cref="JsonElement"/>: no trie, no single pass, no UTF-8, regexes for wildcards.
/// The property tests check the compiled evaluator against it.
/// </summary>
internal static class ReferenceInterpreter
{
    private static readonly Regex NumberGrammar = new(@"^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant);

    public static bool Matches(RefExpr expression, JsonElement record) =>
        record.ValueKind == JsonValueKind.Object && Evaluate(expression, record);

    private static bool Evaluate(RefExpr expression, JsonElement record) => expression switch
    {
        RefAnd and => and.Operands.All(o => Evaluate(o, record)),
        RefOr or => or.Operands.Any(o => Evaluate(o, record)),
        RefPostfix p => Postfix(Resolve(p.Selector, record), p.Keyword),
        RefComparison c => Compare(Resolve(c.Selector, record), c.Operator, c.Value),
        _ => throw new InvalidOperationException(),
    };

    private static JsonElement? Resolve(RefSelector selector, JsonElement record)
    {
        JsonElement? current = record;
        foreach (var step in selector.Steps)
        {
            var element = current!.Value;
            if (step is string name)
            {
                // The first property of that name counts.
                current = element.ValueKind == JsonValueKind.Object
                    ? element.EnumerateObject().Where(p => p.Name == name).Select(p => (JsonElement?)p.Value).FirstOrDefault()
                    : null;
            }
            else
            {
                var index = (int)step;
                current = element.ValueKind == JsonValueKind.Array && index < element.GetArrayLength() ? element[index] : null;
            }

            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private static bool Postfix(JsonElement? field, string keyword) => keyword switch
    {
        "NOT EXISTS" => field is null,
        "IS NULL" => field?.ValueKind == JsonValueKind.Null,
        "IS TRUE" => field?.ValueKind == JsonValueKind.True,
        "IS FALSE" => field?.ValueKind == JsonValueKind.False,
        _ => throw new InvalidOperationException(keyword),
    };

    private static bool Compare(JsonElement? field, string op, RefValue value)
    {
        // Only strings and numbers are compared; anything else (or nothing) fails = and != alike.
        if (field is not { } element || element.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            return false;
        }

        var isString = element.ValueKind == JsonValueKind.String;
        var text = isString ? element.GetString()! : element.GetRawText();
        if (value.Kind == "regex")
        {
            return Regex.IsMatch(text, value.Text) == (op == "=");
        }

        if (value.Kind == "bare" && NumberGrammar.IsMatch(value.Text))
        {
            if (isString && !NumberGrammar.IsMatch(text))
            {
                return false;
            }

            var actual = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            var expected = double.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
            return op switch
            {
                "=" => actual == expected,
                "!=" => actual != expected,
                "<" => actual < expected,
                "<=" => actual <= expected,
                ">" => actual > expected,
                ">=" => actual >= expected,
                _ => throw new InvalidOperationException(op),
            };
        }

        var wildcard = "^" + string.Join(".*", value.Text.Split('*').Select(Regex.Escape)) + "$";
        return Regex.IsMatch(text, wildcard, RegexOptions.Singleline) == (op == "=");
    }
}
