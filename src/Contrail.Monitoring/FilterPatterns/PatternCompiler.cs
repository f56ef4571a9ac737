using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Contrail.Monitoring.FilterPatterns;

/// <summary>
/// Turns a parsed pattern into a tree of closures over the slots of a <see cref="SelectorTrie"/>.
/// Everything that does not depend on the record is done here, once: selectors become slot
/// numbers, strings become UTF-8 wildcard parts, numbers are parsed, regexes are compiled.
/// </summary>
internal static class PatternCompiler
{
    public static Condition Compile(PatternNode node, SelectorTrie trie) => node switch
    {
        AndNode and => All([.. and.Operands.Select(o => Compile(o, trie))]),
        OrNode or => Any([.. or.Operands.Select(o => Compile(o, trie))]),
        ComparisonNode comparison => Comparison(trie.Add(comparison.Selector), comparison.Operator, comparison.Value),
        PostfixNode postfix => Postfix(trie.Add(postfix.Selector), postfix.Test),
        _ => throw new UnreachableException($"No condition for {node.GetType().Name}."),
    };

    private static Condition All(Condition[] operands) => (in RecordValues record) =>
    {
        foreach (var operand in operands)
        {
            if (!operand(in record))
            {
                return false;
            }
        }

        return true;
    };

    private static Condition Any(Condition[] operands) => (in RecordValues record) =>
    {
        foreach (var operand in operands)
        {
            if (operand(in record))
            {
                return true;
            }
        }

        return false;
    };

    // Spec §8.1: NOT EXISTS is true only when nothing is there; IS NULL / IS TRUE / IS FALSE test
    // the JSON literal null / true / false.
    private static Condition Postfix(int slot, PostfixTest test)
    {
        var kind = test switch
        {
            PostfixTest.IsNull => FieldKind.Null,
            PostfixTest.IsTrue => FieldKind.True,
            PostfixTest.IsFalse => FieldKind.False,
            _ => FieldKind.Missing,
        };
        return (in RecordValues record) => record[slot].Kind == kind;
    }

    // Every comparison, = and != alike, is false unless the selector found a string or a number:
    // spec §8.1 ("If a property selector points to an array or object, the metric filter won't
    // match"), [CWL] ("The SELECTOR must point to a value node (string or number)"), and for a
    // missing field the choice in docs/dev/filter-patterns.md. So != is not the negation of =.
    private static Condition Comparison(int slot, ComparisonOperator op, PatternValue value) => value.Kind switch
    {
        PatternValueKind.Number => NumberComparison(slot, op, value.Number),
        PatternValueKind.Regex => RegexComparison(slot, op == ComparisonOperator.Equal, value.Regex!),
        _ => TextComparison(slot, op == ComparisonOperator.Equal, WildcardText.Create(value.Text)),
    };

    // A string value matches a string field's unescaped text, or a number field's text as written
    // (so `$.status = 4*` matches 404: spec §8.1 allows `*` as a number wildcard).
    private static Condition TextComparison(int slot, bool equal, WildcardText text)
    {
        if (text.MatchesAnything)
        {
            // `= *`: the field is there and is a string or number; `!= *` can never hold.
            return equal ? (in RecordValues record) => record[slot].IsText : static (in RecordValues _) => false;
        }

        return (in RecordValues record) =>
        {
            var field = record[slot];
            return field.IsText && text.IsMatch(record.Text(field)) == equal;
        };
    }

    // A number compares with a number field, or with a string field whose whole text is a number
    // of the pattern grammar (docs/dev/filter-patterns.md); as IEEE doubles.
    private static Condition NumberComparison(int slot, ComparisonOperator op, double number) => (in RecordValues record) =>
    {
        var field = record[slot];
        if (!field.IsText)
        {
            return false;
        }

        var text = record.Text(field);
        if (field.Kind == FieldKind.String && !NumberText.IsNumber(text))
        {
            return false;
        }

        var actual = NumberText.Parse(text);
        return op switch
        {
            ComparisonOperator.Equal => actual == number,
            ComparisonOperator.NotEqual => actual != number,
            ComparisonOperator.Less => actual < number,
            ComparisonOperator.LessOrEqual => actual <= number,
            ComparisonOperator.Greater => actual > number,
            _ => actual >= number,
        };
    };

    // A regex is searched for anywhere in the text (anchor it with ^ and $), like CloudWatch's %…%.
    private static Condition RegexComparison(int slot, bool equal, Regex regex) => (in RecordValues record) =>
    {
        var field = record[slot];
        return field.IsText && IsMatch(regex, record.Text(field)) == equal;
    };

    private static bool IsMatch(Regex regex, ReadOnlySpan<byte> utf8)
    {
        const int StackChars = 256;
        var count = Encoding.UTF8.GetCharCount(utf8);
        char[]? rented = null;
        var chars = count <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(count));
        try
        {
            var written = Encoding.UTF8.GetChars(utf8, chars);
            return regex.IsMatch(chars[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
