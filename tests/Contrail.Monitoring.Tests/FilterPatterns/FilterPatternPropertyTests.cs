using System.Text;
using System.Text.Json;
using Contrail.Monitoring.FilterPatterns;
using Contrail.Monitoring.Tests.FilterPatterns.Reference;
using FsCheck;
using FsCheck.Fluent;

namespace Contrail.Monitoring.Tests.FilterPatterns;

public sealed class FilterPatternPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(1500);

    [Fact]
    public void Matches_RandomPatternsAndRecords_AgreesWithReferenceInterpreter()
    {
        var matched = 0;
        var missed = 0;
        var cases =
            from expression in PatternGenerators.Expression
            from gap in PatternGenerators.Gap
            from records in Gen.ArrayOf(PatternGenerators.Record, 6)
            select (expression, gap, records);

        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var text = RefPrinter.Print(c.expression, c.gap);
            var pattern = ParseOrThrow(text);
            foreach (var json in c.records)
            {
                using var document = JsonDocument.Parse(json);
                var expected = ReferenceInterpreter.Matches(c.expression, document.RootElement);
                var actual = pattern.Matches(Encoding.UTF8.GetBytes(json));
                if (actual != expected)
                {
                    throw new InvalidOperationException($"pattern {text}\nrecord {json}\nexpected {expected}, compiled evaluator said {actual}");
                }

                if (expected)
                {
                    matched++;
                }
                else
                {
                    missed++;
                }
            }
        }));

        // Not vacuous: the vocabulary makes both outcomes common.
        matched.ShouldBeGreaterThan(500);
        missed.ShouldBeGreaterThan(500);
    }

    [Fact]
    public void Matches_BytesAndJsonElement_Agree()
    {
        var cases =
            from expression in PatternGenerators.Expression
            from record in PatternGenerators.Record
            select (expression, record);

        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var pattern = ParseOrThrow(RefPrinter.Print(c.expression, " "));
            using var document = JsonDocument.Parse(c.record);
            return pattern.Matches(document.RootElement) == pattern.Matches(Encoding.UTF8.GetBytes(c.record));
        }));
    }

    [Fact]
    public void Parse_PrintedSyntax_ParsesToTheSameSyntax()
    {
        var cases =
            from expression in PatternGenerators.Expression
            from gap in PatternGenerators.Gap
            select RefPrinter.Print(expression, gap);

        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), text =>
        {
            var canonical = "{ " + ParseOrThrow(text).Syntax + " }";
            return ParseOrThrow(canonical).Syntax.ToString() == ParseOrThrow(text).Syntax.ToString();
        }));
    }

    private static FilterPattern ParseOrThrow(string text)
    {
        var (pattern, error) = FilterPattern.Parse(text);
        return pattern ?? throw new InvalidOperationException($"{text} did not parse: {error}");
    }
}
