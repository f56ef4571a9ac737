using System.Text.Json;
using System.Text.RegularExpressions;

namespace Contrail.Monitoring.Rules.Sigma;

/// <summary>
/// Parses a Sigma condition over compiled search identifiers: <c>or</c> binds loosest, then <c>and</c>,
/// then <c>not</c>; parentheses group; <c>1 of X*</c> / <c>all of X*</c> (and <c>them</c>) over identifiers
/// matching the glob. Throws <see cref="SigmaCompiler.Unsupported"/> for aggregations (<c>|</c>), <c>near</c>,
/// unknown identifiers and syntax errors.
/// </summary>
internal sealed class SigmaConditionParser(string text, IReadOnlyDictionary<string, Func<JsonElement, bool>> searches)
{
    private readonly string[] _tokens = Tokenize(text);
    private int _next;

    public Func<JsonElement, bool> Parse()
    {
        if (_tokens.Contains("|"))
        {
            throw new SigmaCompiler.Unsupported($"aggregation in the condition '{text}'");
        }

        var result = Or();
        if (_next != _tokens.Length)
        {
            throw new SigmaCompiler.Unsupported($"'{_tokens[_next]}' in the condition '{text}'");
        }

        return result;
    }

    private static string[] Tokenize(string condition) =>
        Regex.Matches(condition, @"\(|\)|\||[^\s()|]+").Select(m => m.Value).ToArray();

    private string? Peek => _next < _tokens.Length ? _tokens[_next] : null;

    private Func<JsonElement, bool> Or()
    {
        var left = And();
        while (Peek is { } t && t.Equals("or", StringComparison.OrdinalIgnoreCase))
        {
            _next++;
            var l = left;
            var r = And();
            left = record => l(record) || r(record);
        }

        return left;
    }

    private Func<JsonElement, bool> And()
    {
        var left = Not();
        while (Peek is { } t && t.Equals("and", StringComparison.OrdinalIgnoreCase))
        {
            _next++;
            var l = left;
            var r = Not();
            left = record => l(record) && r(record);
        }

        return left;
    }

    private Func<JsonElement, bool> Not()
    {
        if (Peek is { } t && t.Equals("not", StringComparison.OrdinalIgnoreCase))
        {
            _next++;
            var inner = Not();
            return record => !inner(record);
        }

        return Primary();
    }

    private Func<JsonElement, bool> Primary()
    {
        var token = Peek ?? throw new SigmaCompiler.Unsupported($"the condition '{text}' ends early");
        _next++;
        if (token == "(")
        {
            var inner = Or();
            if (Peek != ")")
            {
                throw new SigmaCompiler.Unsupported($"an unclosed parenthesis in '{text}'");
            }

            _next++;
            return inner;
        }

        if ((token == "1" || token.Equals("all", StringComparison.OrdinalIgnoreCase)) && Peek is { } of && of.Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            _next++;
            var target = Peek ?? throw new SigmaCompiler.Unsupported($"the condition '{text}' ends early");
            _next++;
            var selected = searches.Where(s => target == "them" || Glob(target, s.Key)).Select(s => s.Value).ToArray();
            if (selected.Length == 0)
            {
                throw new SigmaCompiler.Unsupported($"no search identifier matches '{target}'");
            }

            return token == "1" ? record => selected.Any(s => s(record)) : record => selected.All(s => s(record));
        }

        if (token.Equals("near", StringComparison.OrdinalIgnoreCase))
        {
            throw new SigmaCompiler.Unsupported("near in the condition");
        }

        return searches.TryGetValue(token, out var search) ? search : throw new SigmaCompiler.Unsupported($"unknown search identifier '{token}'");
    }

    private static bool Glob(string pattern, string name) =>
        Regex.IsMatch(name, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
}
