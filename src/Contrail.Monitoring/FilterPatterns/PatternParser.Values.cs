using System.Text;
using System.Text.RegularExpressions;

namespace Contrail.Monitoring.FilterPatterns;

/// <summary>The values on the right of a comparison: quoted strings, bare tokens, numbers, regexes.</summary>
internal sealed partial class PatternParser
{
    private const string RegexCharacters = "a letter, a digit, a space, one of _#=@/;,-: or a regex operator ^$?[]{}|\\*+.";

    // Java-like semantics where .NET differs least: culture-invariant, and linear-time matching
    // (NonBacktracking) so a pattern cannot make evaluation slow.
    private const RegexOptions RegexFlags = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    private PatternValue? ParseValue(ComparisonOperator op)
    {
        SkipWhitespace();
        var start = _position;
        PatternValue? value;
        if (AtEnd)
        {
            return Fail<PatternValue>("a value");
        }
        else if (Current == '"')
        {
            value = ParseQuoted();
        }
        else if (Current == '%')
        {
            value = ParseRegex();
        }
        else
        {
            value = ParseBareToken();
        }

        // Spec §8.1: strings (and regexes) compare with = and != only; ordering needs a number.
        if (value is not null && value.Kind != PatternValueKind.Number && op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
        {
            _position = start;
            return Fail<PatternValue>("a number");
        }

        return value;
    }

    // Spec §8.1: escape " and \ with a backslash inside quotes [CDK quoteTerm]. A backslash before
    // any other character is kept as written (docs/dev/filter-patterns.md).
    private PatternValue? ParseQuoted()
    {
        _position++;
        var text = new StringBuilder();
        while (!AtEnd)
        {
            var c = Current;
            if (c == '"')
            {
                _position++;
                return PatternValue.FromText(text.ToString());
            }

            if (c == '\\' && _position + 1 < _text.Length && _text[_position + 1] is '"' or '\\')
            {
                text.Append(_text[_position + 1]);
                _position += 2;
                continue;
            }

            text.Append(c);
            _position++;
        }

        return Fail<PatternValue>("'\"'");
    }

    // Spec §8.1: accept bare tokens up to whitespace, ')', '&&' or '||' (and '}', '(', '{', '"',
    // which cannot be part of one). A token that starts like an operator is refused, so '==' and
    // '=<' are errors rather than values.
    private PatternValue? ParseBareToken()
    {
        var start = _position;
        if (Current is '=' or '!' or '<' or '>')
        {
            return Fail<PatternValue>("a value");
        }

        while (!AtEnd && !IsTokenEnd())
        {
            _position++;
        }

        if (_position == start)
        {
            return Fail<PatternValue>("a value");
        }

        var token = _text[start.._position];
        return NumberText.IsNumber(token.AsSpan()) ? PatternValue.FromNumber(token) : PatternValue.FromText(token);
    }

    private bool IsTokenEnd() =>
        IsWhitespace(Current) || Current is '(' or ')' or '{' or '}' or '"' || StartsWith("&&") || StartsWith("||");

    // Regex values %…% (spec §8.1). Which characters may appear, and the limit of two per pattern,
    // follow CloudWatch's documentation (docs/dev/filter-patterns.md); the dialect is .NET's.
    private PatternValue? ParseRegex()
    {
        var start = _position;
        var bodyStart = ++_position;
        while (!AtEnd && Current != '%')
        {
            if (!IsRegexChar(Current))
            {
                return Fail<PatternValue>(RegexCharacters);
            }

            _position++;
        }

        if (AtEnd)
        {
            return Fail<PatternValue>("'%'");
        }

        var body = _text[bodyStart.._position];
        if (body.Length == 0)
        {
            return Fail<PatternValue>("a regular expression");
        }

        if (++_regexCount > PatternLimits.MaxRegexes)
        {
            _position = start;
            return Fail<PatternValue>($"at most {PatternLimits.MaxRegexes} regular expressions in a pattern");
        }

        Regex regex;
        try
        {
            regex = new Regex(body, RegexFlags);
        }
        catch (RegexParseException e)
        {
            _position = bodyStart + Math.Clamp(e.Offset, 0, body.Length);
            return Fail<PatternValue>($"a valid regular expression ({e.Error})");
        }
        catch (NotSupportedException)
        {
            _position = bodyStart;
            return Fail<PatternValue>("a regular expression that does not need backtracking");
        }

        _position++;
        return PatternValue.FromRegex(body, regex);
    }

    private static bool IsRegexChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is ' ' or '_' or '#' or '=' or '@' or '/' or ';' or ',' or '-' or ':'
            or '^' or '$' or '?' or '[' or ']' or '{' or '}' or '|' or '\\' or '*' or '+' or '.';
}
