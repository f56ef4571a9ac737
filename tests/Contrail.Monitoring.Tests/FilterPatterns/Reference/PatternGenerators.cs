using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Contrail.Monitoring.Tests.FilterPatterns.Reference;

/// <summary>
/// FsCheck generators: random patterns (<see cref="RefExpr"/>) and random records (JSON text) over
/// one small vocabulary, so that selectors often find fields and values often match.
/// </summary>
internal static class PatternGenerators
{
    private static readonly string[] Names = ["a", "b", "c", "eventName", "x-y", "n_1"];

    // Strings as records hold them, and as quoted values hold them (before a '*' may be added).
    private static readonly string[] Strings =
    [
        "", "a", "abc", "ConsoleLogin", "consolelogin", "Console Login", "AccessDenied", "Client.UnauthorizedOperation",
        "123.123.4.5", "5", "05", "1", "1.0", "+1000", "1e3", "-2.5", " 5", "404", "x\"y", "back\\slash", "é", "héllo",
        "a*b", "true", "null", "tab\there",
    ];

    // Bare value tokens: text (with wildcards) or numbers, decided by the grammar.
    private static readonly string[] BareTokens =
    [
        "a", "abc", "ConsoleLogin", "Console*", "*Login", "*", "**", "a*b", "*e*", "123.123.*", "4*", "x-y", "héllo", "true",
        "0", "1", "-1", "+1000", "5", "05", "2.5", "1e3", "10e-3", "1E2", "-0", "404", "1e400", "1.0e0", "abc\\d",
    ];

    private static readonly string[] Regexes = ["^a", "c$", "a.c", "[0-9]+", "Login|Denied", "^$", "\\d{2}", "b*", "^[a-z]+$", "e\\.5"];

    private static readonly string[] JsonNumbers = ["0", "1", "-1", "1.0", "2.5", "-2.5", "1e3", "1E3", "-0", "404", "1000", "1e400", "0.001", "10", "5"];

    // Non-ASCII and most punctuation stay unescaped, as CloudTrail writes them.
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Operators = ["=", "!=", "<", "<=", ">", ">="];

    private static readonly string[] Postfixes = ["IS NULL", "IS TRUE", "IS FALSE", "NOT EXISTS"];

    /// <summary>Whitespace between tokens (none, or some).</summary>
    public static Gen<string> Gap { get; } = Gen.Elements("", " ", "  ", "\t", "\n ");

    public static Gen<RefSelector> Selector { get; } =
        from first in Gen.Frequency((6, Gen.Elements(Names).Select(n => (object)n)), (1, Gen.Choose(0, 2).Select(i => (object)i)))
        from rest in Gen.ArrayOf(Gen.Frequency((2, Gen.Elements(Names).Select(n => (object)n)), (1, Gen.Choose(0, 2).Select(i => (object)i))), 2)
        from length in Gen.Choose(1, 3)
        select new RefSelector([first, .. rest.Take(length - 1)]);

    public static Gen<RefValue> Value { get; } = Gen.Frequency(
        (3, from text in Gen.Elements(Strings)
            from star in Gen.Choose(-3, text.Length)
            select new RefValue("quoted", star < 0 ? text : text.Insert(star, "*"))),
        (4, Gen.Elements(BareTokens).Select(t => new RefValue("bare", t))),
        (1, Gen.Elements(Regexes).Select(r => new RefValue("regex", r))));

    public static Gen<RefExpr> Leaf { get; } = Gen.Frequency(
        (4, from selector in Selector
            from value in Value
            from op in IsNumber(value) ? Gen.Elements(Operators) : Gen.Elements("=", "!=")
            select (RefExpr)new RefComparison(selector, op, value)),
        (1, from selector in Selector
            from keyword in Gen.Elements(Postfixes)
            select (RefExpr)new RefPostfix(selector, keyword)));

    /// <summary>Patterns up to three levels of &amp;&amp;/|| deep, with at most two regexes (CloudWatch's limit).</summary>
    public static Gen<RefExpr> Expression { get; } = Tree(3).Where(e => RegexCount(e) <= 2);

    /// <summary>A record: a JSON object up to three levels deep, sometimes with every character escaped.</summary>
    public static Gen<string> Record { get; } = Object(3);

    private static bool IsNumber(RefValue value) =>
        value.Kind == "bare" && System.Text.RegularExpressions.Regex.IsMatch(value.Text, @"^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$");

    private static Gen<RefExpr> Tree(int depth) => depth == 0
        ? Leaf
        : Gen.Frequency(
            (3, Leaf),
            (1, from operands in Gen.Choose(2, 4).SelectMany(n => Gen.ArrayOf(Tree(depth - 1), n))
                from parenthesised in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
                select (RefExpr)new RefAnd(operands) { Parenthesised = parenthesised }),
            (1, from operands in Gen.Choose(2, 4).SelectMany(n => Gen.ArrayOf(Tree(depth - 1), n))
                from parenthesised in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
                select (RefExpr)new RefOr(operands) { Parenthesised = parenthesised }));

    private static int RegexCount(RefExpr expression) => expression switch
    {
        RefAnd and => and.Operands.Sum(RegexCount),
        RefOr or => or.Operands.Sum(RegexCount),
        RefComparison { Value.Kind: "regex" } => 1,
        _ => 0,
    };

    private static Gen<string> Json(int depth) => depth == 0
        ? Scalar
        : Gen.Frequency((6, Scalar), (2, Object(depth - 1)), (2, Array(depth - 1)));

    private static Gen<string> Scalar { get; } = Gen.Frequency(
        (5, from text in Gen.Elements(Strings)
            from escape in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
            select JsonString(text, escape)),
        (4, Gen.Elements(JsonNumbers)),
        (1, Gen.Elements("true", "false", "null")));

    // Mostly distinct names; a repeated name tests that the first occurrence counts.
    private static Gen<string> Object(int depth) =>
        from count in Gen.Choose(0, 6)
        from properties in Gen.ArrayOf(
            from name in Gen.Elements(Names)
            from escape in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
            from value in Json(depth)
            select JsonString(name, escape) + ":" + value,
            count)
        select "{" + string.Join(",", properties) + "}";

    private static Gen<string> Array(int depth) =>
        from count in Gen.Choose(0, 4)
        from items in Gen.ArrayOf(Json(depth), count)
        select "[" + string.Join(",", items) + "]";

    private static string JsonString(string text, bool escapeAll)
    {
        if (!escapeAll)
        {
            return System.Text.Json.JsonSerializer.Serialize(text, Relaxed);
        }

        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }

        return builder.Append('"').ToString();
    }
}
