using System.Collections.Immutable;
using System.Globalization;

namespace Contrail.Monitoring.FilterPatterns;

/// <summary>
/// Recursive-descent parser for the JSON filter-pattern language of spec §8.1:
/// <code>
/// pattern    := ws ( "" | '"' ws '"' | "{" orExpr "}" ) ws
/// orExpr     := andExpr ( "||" andExpr )*
/// andExpr    := primary ( "&amp;&amp;" primary )*
/// primary    := "(" orExpr ")" | selector op value | selector postfix
/// selector   := "$" ( "." [A-Za-z0-9_-]+ | "[" digits "]" )+
/// postfix    := "IS" ws ( "NULL" | "TRUE" | "FALSE" ) | "NOT" ws "EXISTS"
/// </code>
/// Whitespace is optional between tokens. The first error stops the parse and is returned as a
/// value with its 0-based position. One instance parses one pattern; not thread-safe.
/// </summary>
internal sealed partial class PatternParser
{
    private readonly string _text;
    private int _position;
    private int _depth;
    private int _regexCount;
    private FilterPatternError? _error;

    private PatternParser(string text) => _text = text;

    private bool AtEnd => _position >= _text.Length;

    private char Current => _text[_position];

    /// <summary>Parses <paramref name="text"/>: the syntax tree, or the first error.</summary>
    public static (PatternNode? Syntax, FilterPatternError? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new PatternParser(text);
        var syntax = parser.ParsePattern();
        return syntax is null ? (null, parser._error) : (syntax, null);
    }

    private PatternNode? ParsePattern()
    {
        SkipWhitespace();

        // Spec §8.1: "`\" \"` or empty pattern (match all)".
        if (AtEnd || IsBlankPhrase())
        {
            return MatchAllNode.Instance;
        }

        if (Current != '{')
        {
            return Fail("'{'");
        }

        _position++;
        var expression = ParseOr();
        if (expression is null)
        {
            return null;
        }

        SkipWhitespace();
        if (AtEnd || Current != '}')
        {
            return Fail("'&&', '||' or '}'");
        }

        _position++;
        SkipWhitespace();
        return AtEnd ? expression : Fail("the end of the pattern");
    }

    // Spec §8.1 precedence: () > && > ||.
    private PatternNode? ParseOr()
    {
        var first = ParseAnd();
        if (first is null)
        {
            return null;
        }

        List<PatternNode>? operands = null;
        while (SkipWhitespace() && StartsWith("||"))
        {
            _position += 2;
            var next = ParseAnd();
            if (next is null)
            {
                return null;
            }

            (operands ??= [first]).Add(next);
        }

        return operands is null ? first : new OrNode([.. operands]);
    }

    private PatternNode? ParseAnd()
    {
        var first = ParsePrimary();
        if (first is null)
        {
            return null;
        }

        List<PatternNode>? operands = null;
        while (SkipWhitespace() && StartsWith("&&"))
        {
            _position += 2;
            var next = ParsePrimary();
            if (next is null)
            {
                return null;
            }

            (operands ??= [first]).Add(next);
        }

        return operands is null ? first : new AndNode([.. operands]);
    }

    private PatternNode? ParsePrimary()
    {
        SkipWhitespace();
        if (!AtEnd && Current == '(')
        {
            if (_depth == PatternLimits.MaxNesting)
            {
                return Fail($"at most {PatternLimits.MaxNesting} nested parentheses");
            }

            _depth++;
            _position++;
            var inner = ParseOr();
            if (inner is null)
            {
                return null;
            }

            SkipWhitespace();
            if (AtEnd || Current != ')')
            {
                return Fail("'&&', '||' or ')'");
            }

            _position++;
            _depth--;
            return inner;
        }

        return !AtEnd && Current == '$' ? ParseCondition() : Fail("a selector or '('");
    }

    private PatternNode? ParseCondition()
    {
        var selector = ParseSelector();
        if (selector is null)
        {
            return null;
        }

        SkipWhitespace();
        if (TryParseOperator(out var op))
        {
            var value = ParseValue(op);
            return value is null ? null : new ComparisonNode(selector, op, value);
        }

        if (TryKeyword("IS"))
        {
            SkipWhitespace();
            return TryKeyword("NULL") ? new PostfixNode(selector, PostfixTest.IsNull)
                : TryKeyword("TRUE") ? new PostfixNode(selector, PostfixTest.IsTrue)
                : TryKeyword("FALSE") ? new PostfixNode(selector, PostfixTest.IsFalse)
                : Fail("NULL, TRUE or FALSE"); // spec §8.1: IS NOT is not supported
        }

        if (TryKeyword("NOT"))
        {
            SkipWhitespace();
            return TryKeyword("EXISTS") ? new PostfixNode(selector, PostfixTest.NotExists) : Fail("EXISTS");
        }

        return Fail("a comparison operator, IS or NOT EXISTS");
    }

    private Selector? ParseSelector()
    {
        _position++; // '$'
        var steps = ImmutableArray.CreateBuilder<SelectorStep>();
        while (!AtEnd)
        {
            if (Current == '.')
            {
                var start = ++_position;
                while (!AtEnd && IsNameChar(Current))
                {
                    _position++;
                }

                if (_position == start)
                {
                    return Fail<Selector>("a property name");
                }

                steps.Add(SelectorStep.Property(_text[start.._position]));
            }
            else if (Current == '[')
            {
                var start = ++_position;
                while (!AtEnd && char.IsAsciiDigit(Current))
                {
                    _position++;
                }

                if (_position == start)
                {
                    return Fail<Selector>("an array index");
                }

                if (!int.TryParse(_text.AsSpan(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    _position = start;
                    return Fail<Selector>($"an array index of at most {int.MaxValue}");
                }

                if (AtEnd || Current != ']')
                {
                    return Fail<Selector>("']'");
                }

                _position++;
                steps.Add(SelectorStep.Element(index));
            }
            else
            {
                break;
            }
        }

        return steps.Count == 0 ? Fail<Selector>("'.' or '['") : new Selector(steps.ToImmutable());
    }

    private bool TryParseOperator(out ComparisonOperator op)
    {
        (op, var length) = StartsWith("!=") ? (ComparisonOperator.NotEqual, 2)
            : StartsWith("<=") ? (ComparisonOperator.LessOrEqual, 2)
            : StartsWith(">=") ? (ComparisonOperator.GreaterOrEqual, 2)
            : StartsWith("=") ? (ComparisonOperator.Equal, 1)
            : StartsWith("<") ? (ComparisonOperator.Less, 1)
            : StartsWith(">") ? (ComparisonOperator.Greater, 1)
            : (default, 0);
        _position += length;
        return length > 0;
    }

    /// <summary>Consumes <paramref name="word"/> when it is next and not followed by a name character (keywords are upper case).</summary>
    private bool TryKeyword(string word)
    {
        var end = _position + word.Length;
        if (!StartsWith(word) || (end < _text.Length && IsNameChar(_text[end])))
        {
            return false;
        }

        _position = end;
        return true;
    }

    private bool StartsWith(string token) => _text.AsSpan(_position).StartsWith(token, StringComparison.Ordinal);

    /// <summary>Skips whitespace; always true, so it can lead a loop condition.</summary>
    private bool SkipWhitespace()
    {
        while (!AtEnd && IsWhitespace(Current))
        {
            _position++;
        }

        return true;
    }

    /// <summary>A quoted phrase of nothing but whitespace, then the end: CloudWatch's match-all <c>" "</c>.</summary>
    private bool IsBlankPhrase()
    {
        var rest = _text.AsSpan(_position);
        if (rest.Length < 2 || rest[0] != '"')
        {
            return false;
        }

        var close = rest[1..].IndexOf('"') + 1;
        return close > 0 && IsAllWhitespace(rest[1..close]) && IsAllWhitespace(rest[(close + 1)..]);
    }

    private static bool IsAllWhitespace(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsWhitespace(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    // Spec §8.1: name := [A-Za-z0-9_-]+.
    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    private PatternNode? Fail(string expected) => Fail<PatternNode>(expected);

    private T? Fail<T>(string expected)
        where T : class
    {
        _error ??= new FilterPatternError(_position, expected);
        return null;
    }
}
