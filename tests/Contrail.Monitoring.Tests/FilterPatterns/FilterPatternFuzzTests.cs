using System.Text;
using Contrail.Monitoring.FilterPatterns;
using Contrail.Monitoring.Tests.FilterPatterns.Reference;
using Contrail.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Contrail.Monitoring.Tests.FilterPatterns;

/// <summary>
/// Bad input never makes the parser or the matcher throw: every text is a pattern or an error
/// value, and every byte string either matches or does not.
/// </summary>
public sealed class FilterPatternFuzzTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(3000);

    // Characters that mean something to the grammar, plus a few that do not.
    private static readonly char[] Alphabet = [.. "{}()[]$.\"\\%*=!<>&| \t\n0123456789-+eEabcxyzISNOTULRFAXé_#@/:;,^?\u0000\ud800"];

    private static readonly string[] Seeds =
    [
        .. CisPack.Filters.Select(f => f.Pattern),
        """{ $.a = "x\"y" && $.b[0][1].c IS NULL || ($.d NOT EXISTS && $.e >= -1.5e3) }""",
        """{ $.message = %^bind: [a-z]+$% && $.n != %\d{2}% }""",
    ];

    [Fact]
    public void Parse_RandomText_ReturnsAPatternOrAnErrorInsideTheText()
    {
        var text = Gen.Choose(0, 80).SelectMany(n => Gen.ArrayOf(Gen.Elements(Alphabet), n)).Select(chars => new string(chars));

        Check.One(Runs, Prop.ForAll(text.ToArbitrary(), ParsesOrFailsCleanly));
    }

    [Fact]
    public void Parse_MutatedValidPatterns_ReturnsAPatternOrAnErrorInsideTheText()
    {
        var generated = from expression in PatternGenerators.Expression
                        from gap in PatternGenerators.Gap
                        select RefPrinter.Print(expression, gap);
        var valid = Gen.Frequency((1, Gen.Elements(Seeds)), (2, generated));
        var mutated = from text in valid
                      from count in Gen.Choose(1, 4)
                      from edits in Gen.ArrayOf(Edit, count)
                      select edits.Aggregate(text, (t, edit) => edit(t));

        Check.One(Runs, Prop.ForAll(mutated.ToArbitrary(), ParsesOrFailsCleanly));
    }

    [Fact]
    public void Parse_EveryPrefixOfEveryCisPattern_ReturnsAPatternOrAnError()
    {
        foreach (var seed in Seeds)
        {
            for (var length = 0; length <= seed.Length; length++)
            {
                ParsesOrFailsCleanly(seed[..length]);
            }
        }
    }

    [Fact]
    public void Matches_MutatedRealRecords_NeverThrows()
    {
        var records = SampleRecords.Files().SelectMany(SampleRecords.Read).Select(SampleRecords.Compact).ToArray();
        var patterns = Seeds.Select(s => FilterPattern.Parse(s).Pattern!).ToArray();
        var mutated = from record in Gen.Elements(records)
                      from at in Gen.Choose(0, record.Length - 1)
                      from kind in Gen.Choose(0, 3)
                      from b in Gen.Elements<byte>((byte)'"', (byte)'\\', (byte)'{', (byte)'}', (byte)'[', (byte)',', (byte)':', 0xC3, 0xFF, (byte)'u')
                      select kind switch
                      {
                          0 => record[..at],
                          1 => [.. record[..at], b, .. record[at..]],
                          2 => [.. record[..at], .. record[(at + 1)..]],
                          _ => [.. record[..at], b, .. record[(at + 1)..]],
                      };

        Check.One(Runs, Prop.ForAll(mutated.ToArbitrary(), bytes =>
        {
            foreach (var pattern in patterns)
            {
                _ = pattern.Matches(bytes);
            }
        }));
    }

    private static Gen<Func<string, string>> Edit { get; } = Gen.OneOf(
        from at in Gen.Choose(0, 1000) select (Func<string, string>)(t => t.Length == 0 ? t : t.Remove(at % t.Length, 1)),
        from at in Gen.Choose(0, 1000) from c in Gen.Elements(Alphabet) select (Func<string, string>)(t => t.Insert(at % (t.Length + 1), c.ToString())),
        from at in Gen.Choose(0, 1000) select (Func<string, string>)(t => t[..(at % (t.Length + 1))]),
        from at in Gen.Choose(0, 1000)
        from length in Gen.Choose(1, 12)
        select (Func<string, string>)(t =>
        {
            var start = at % (t.Length + 1);
            var piece = t.Substring(start, Math.Min(length, t.Length - start));
            return t.Insert(start, piece);
        }));

    private static void ParsesOrFailsCleanly(string text)
    {
        var (pattern, error) = FilterPattern.Parse(text);
        if (pattern is null)
        {
            error.ShouldNotBeNull();
            error.Position.ShouldBeInRange(0, text.Length, text);
            error.Message.ShouldStartWith("expected ");
            return;
        }

        error.ShouldBeNull();
        _ = pattern.Matches(Encoding.UTF8.GetBytes("""{"eventName":"ConsoleLogin","a":[1,{"b":null}],"errorCode":"AccessDenied"}"""));

        // What parsed prints back to text that parses to the same tree.
        if (!pattern.MatchesEverything)
        {
            FilterPattern.Parse("{" + pattern.Syntax + "}").Pattern.ShouldNotBeNull(text).Syntax.ToString().ShouldBe(pattern.Syntax.ToString());
        }
    }
}
