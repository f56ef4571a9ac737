using System.Runtime.InteropServices;
using System.Text.Json;

namespace Contrail.Monitoring.FilterPatterns;

/// <summary>
/// A CloudWatch Logs JSON filter pattern (spec <c>cloudtrail.md</c> §8.1), such as
/// <c>{ ($.eventName = ConsoleLogin) &amp;&amp; ($.errorMessage = "Failed authentication") }</c>,
/// parsed and compiled once and then matched against any number of CloudTrail records.
/// <see cref="Parse"/> never throws for bad pattern text: it returns an error value instead.
/// A compiled pattern is immutable; <see cref="Matches(ReadOnlySpan{byte})"/> is thread-safe and
/// allocates nothing when the pattern's selectors have at most 31 distinct steps (shared prefixes
/// count once) and the strings it reads in the record hold no JSON escapes. Semantics and the choices made where AWS documents none:
/// <c>docs/dev/filter-patterns.md</c>.
/// </summary>
public sealed class FilterPattern
{
    private const int StackSlots = 32;

    private readonly SelectorTrie _selectors;
    private readonly Condition? _condition;

    private FilterPattern(string text, PatternNode syntax)
    {
        Text = text;
        Syntax = syntax;
        _selectors = new SelectorTrie();
        _condition = syntax is MatchAllNode ? null : PatternCompiler.Compile(syntax, _selectors);
    }

    /// <summary>The pattern as given to <see cref="Parse"/>.</summary>
    public string Text { get; }

    /// <summary>True for the empty pattern (or <c>" "</c>), which matches every event, JSON or not.</summary>
    public bool MatchesEverything => _condition is null;

    /// <summary>The parsed pattern (tests print it to see the grouping).</summary>
    internal PatternNode Syntax { get; }

    /// <summary>
    /// Parses and compiles <paramref name="text"/>. Returns the pattern, or the first syntax error
    /// with its 0-based position (<see cref="FilterPatternError"/>). Only JSON patterns
    /// (<c>{ … }</c>) and the match-all patterns (empty, whitespace, <c>" "</c>) are accepted.
    /// </summary>
    public static (FilterPattern? Pattern, FilterPatternError? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (syntax, error) = PatternParser.Parse(text);
        return syntax is null ? (null, error) : (new FilterPattern(text, syntax), null);
    }

    /// <summary>
    /// Whether the record, UTF-8 JSON text of one CloudWatch Logs event (one CloudTrail record),
    /// matches. A record that is not a JSON object, or is malformed where the scan reads it,
    /// matches nothing (unless <see cref="MatchesEverything"/>).
    /// </summary>
    public bool Matches(ReadOnlySpan<byte> record)
    {
        if (_condition is null)
        {
            return true;
        }

        var count = _selectors.Count;
        var fields = count <= StackSlots ? stackalloc FieldValue[StackSlots] : new FieldValue[count];
        fields = fields[..count];
        var scanner = new RecordScanner(record, fields);
        try
        {
            return scanner.Scan(_selectors.Root) && _condition(new RecordValues(record, scanner.Unescaped, fields));
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            scanner.Dispose();
        }
    }

    /// <summary>Whether <paramref name="record"/> matches; reads the element's JSON text as <see cref="Matches(ReadOnlySpan{byte})"/> does.</summary>
    public bool Matches(JsonElement record) =>
        _condition is null || (record.ValueKind == JsonValueKind.Object && Matches(JsonMarshal.GetRawUtf8Value(record)));

    /// <summary>
    /// The distinct selectors the pattern tests, as written (<c>$.eventName</c>), in the order they first
    /// appear: what <c>TestMetricFilter</c> reports as a match's extracted values.
    /// </summary>
    public IReadOnlyList<string> Selectors()
    {
        var found = new List<string>();
        Collect(Syntax, found);
        return found;
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    private static void Collect(PatternNode node, List<string> found)
    {
        switch (node)
        {
            case AndNode and:
                foreach (var operand in and.Operands)
                {
                    Collect(operand, found);
                }

                break;
            case OrNode or:
                foreach (var operand in or.Operands)
                {
                    Collect(operand, found);
                }

                break;
            case ComparisonNode comparison:
                Add(comparison.Selector.ToString(), found);
                break;
            case PostfixNode postfix:
                Add(postfix.Selector.ToString(), found);
                break;
        }

        static void Add(string selector, List<string> found)
        {
            if (!found.Contains(selector))
            {
                found.Add(selector);
            }
        }
    }
}
