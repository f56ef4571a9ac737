using System.Text.Json;
using System.Text.RegularExpressions;
using Contrail.Monitoring.Rules.EventPatterns;
using FsCheck;
using FsCheck.Fluent;

namespace Contrail.Monitoring.Tests.Rules.EventPatterns;

/// <summary>Each operator against a direct statement of its meaning, over generated values.</summary>
public sealed class EventPatternPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500);

    // A small alphabet so that prefixes, suffixes and equal values are common.
    private static readonly Gen<string> Text = Gen.Elements("a", "b", "A", "*", "\\", "é").ArrayOf().Select(parts => string.Concat(parts.Take(6)));

    private static bool Matches(string pattern, string detail)
    {
        var (compiled, error) = EventPattern.Parse(pattern);
        if (error is not null)
        {
            throw new InvalidOperationException($"{pattern}: {error}");
        }

        using var document = JsonDocument.Parse($$$"""{"detail":{"f":{{{detail}}}}}""");
        return compiled!.Matches(document.RootElement);
    }

    private static string Json(string text) => JsonSerializer.Serialize(text);

    [Fact]
    public void PrefixSuffixAndIgnoreCase_AgreeWithStringMethods()
    {
        Check.One(Runs, Prop.ForAll(Gen.Two(Text).ToArbitrary(), pair =>
        {
            var (affix, value) = pair;
            Matches($$$"""{"detail":{"f":[{"prefix":{{{Json(affix)}}}}]}}""", Json(value)).ShouldBe(value.StartsWith(affix, StringComparison.Ordinal));
            Matches($$$"""{"detail":{"f":[{"suffix":{{{Json(affix)}}}}]}}""", Json(value)).ShouldBe(value.EndsWith(affix, StringComparison.Ordinal));
            Matches($$$"""{"detail":{"f":[{"equals-ignore-case":{{{Json(affix)}}}}]}}""", Json(value)).ShouldBe(string.Equals(affix, value, StringComparison.OrdinalIgnoreCase));
            Matches($$$"""{"detail":{"f":[{{{Json(affix)}}}]}}""", Json(value)).ShouldBe(affix == value);
            Matches($$$"""{"detail":{"f":[{"anything-but":{{{Json(affix)}}}}]}}""", Json(value)).ShouldBe(affix != value);
        }));
    }

    [Fact]
    public void Wildcard_AgreesWithARegexTranslation()
    {
        var pieces = Gen.Elements("a", "b", "*", "\\*", "\\\\");
        var patterns = pieces.ArrayOf().Select(p => string.Concat(p.Take(5))).Where(p => !p.Contains("**", StringComparison.Ordinal) && !EndsInOddBackslashes(p));
        Check.One(Runs, Prop.ForAll(patterns.Zip(Text).ToArbitrary(), pair =>
        {
            var (pattern, value) = pair;
            var (glob, error) = WildcardGlob.Compile(pattern);
            error.ShouldBeNull(pattern);
            glob!.Matches(value).ShouldBe(Reference(pattern).IsMatch(value), $"{pattern} ~ {value}");
        }));
    }

    [Fact]
    public void NumericRange_AgreesWithComparisons()
    {
        var numbers = Gen.Choose(-20, 20).Select(i => i / 2.0);
        Check.One(Runs, Prop.ForAll(Gen.Three(numbers).ToArbitrary(), t =>
        {
            var (low, high, value) = t;
            if (low >= high)
            {
                return;
            }

            var raw = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var lo = low.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var hi = high.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Matches($$$"""{"detail":{"f":[{"numeric":[">",{{{lo}}},"<=",{{{hi}}}]}]}}""", raw).ShouldBe(value > low && value <= high);
            Matches($$$"""{"detail":{"f":[{"numeric":[">=",{{{lo}}},"<",{{{hi}}}]}]}}""", raw).ShouldBe(value >= low && value < high);
            Matches($$$"""{"detail":{"f":[{"numeric":["=",{{{lo}}}]}]}}""", raw).ShouldBe(value == low);
        }));
    }

    private static bool EndsInOddBackslashes(string pattern)
    {
        var count = 0;
        for (var i = pattern.Length - 1; i >= 0 && pattern[i] == '\\'; i--)
        {
            count++;
        }

        return count % 2 == 1;
    }

    private static Regex Reference(string pattern)
    {
        var regex = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            regex.Append(pattern[i] switch
            {
                '\\' => Regex.Escape(pattern[++i].ToString()),
                '*' => ".*",
                var c => Regex.Escape(c.ToString()),
            });
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}
