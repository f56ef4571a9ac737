using System.Text.Json;
using System.Text.RegularExpressions;
using Contrail.Monitoring.FilterPatterns;
using Contrail.Tests.Support;

namespace Contrail.Monitoring.Tests.FilterPatterns;

/// <summary>
/// The CIS pack against spec §8.2's text, and against real and example CloudTrail records: the
/// evaluator's counts must equal counts computed here by reading the records in plain C#.
/// </summary>
public sealed partial class CisPackTests
{
    /// <summary>Each filter's meaning, written out by hand from spec §8.2 (tests/Shared/CisReadings.cs).</summary>
    private static readonly IReadOnlyDictionary<string, Func<JsonElement, bool>> Expected = CisReadings.Expected;

    public static TheoryData<string> Ids => [.. CisPack.Filters.Select(f => f.Id)];

    [Fact]
    public void Filters_AreTheRowsOfSpecSection82_CharacterForCharacter()
    {
        var spec = File.ReadAllLines(Path.Combine(SharedData.Root, "..", "spec", "cloudtrail.md"));
        var section = spec.SkipWhile(l => !l.StartsWith("### 8.2", StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("## Appendix", StringComparison.Ordinal));
        var rows = section.Select(l => SpecRow().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["id"].Value, m => m.Groups["pattern"].Value.Replace("\\|", "|", StringComparison.Ordinal));

        rows.Count.ShouldBe(17);
        CisPack.Filters.Select(f => f.Id).ShouldBe(rows.Keys);
        foreach (var filter in CisPack.Filters)
        {
            filter.Pattern.ShouldBe(rows[filter.Id], filter.Id);
        }
    }

    [Fact]
    public void Filters_MetricNamesAndIds_AreUnique()
    {
        CisPack.Filters.Select(f => f.MetricName).Distinct().Count().ShouldBe(CisPack.Filters.Count);
        CisPack.Filters.Select(f => f.Id).Distinct().Count().ShouldBe(CisPack.Filters.Count);
        CisPack.Filters.Where(f => f.SecurityHubControl is not null).Select(f => f.SecurityHubControl)
            .ShouldBe(Enumerable.Range(1, 14).Select(i => $"CloudWatch.{i}"), ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Filter_Parses(string id)
    {
        var (pattern, error) = FilterPattern.Parse(Filter(id).Pattern);

        error.ShouldBeNull();
        pattern.ShouldNotBeNull().MatchesEverything.ShouldBeFalse();
    }

    [Fact]
    public void Filter1b_ParsesByPrecedenceAsAOrBAndCAndD() =>
        FilterPattern.Parse(Filter("1b").Pattern).Pattern!.Syntax.ToString().ShouldBe(
            """($.errorCode = "*UnauthorizedOperation" || ($.errorCode = "AccessDenied*" && $.sourceIPAddress != "delivery.logs.amazonaws.com" && $.eventName != "HeadBucket"))""");

    [Theory]
    [MemberData(nameof(Ids))]
    public void Filter_OnTheCloudTrailSamples_CountsWhatThePlainReadingCounts(string id)
    {
        var records = SampleRecords.Files().SelectMany(SampleRecords.Read).ToList();
        records.Count.ShouldBe(415); // SOURCES.md: 310 Stratus + 103 OTRF + 2 trailscraper

        AssertCounts(id, records);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Filter_OnThePantherTestEvents_CountsWhatThePlainReadingCounts(string id) => AssertCounts(id, PantherEvents());

    [Fact]
    public void Filters_OnAllRecords_EveryFilterMatchesSomethingAndMissesSomething()
    {
        // The counts above are not vacuous: each filter has real or example positives, and negatives.
        var records = SampleRecords.Files().SelectMany(SampleRecords.Read).Concat(PantherEvents()).ToList();
        foreach (var filter in CisPack.Filters)
        {
            var expected = records.Count(Expected[filter.Id]);
            expected.ShouldBeGreaterThan(0, filter.Id);
            expected.ShouldBeLessThan(records.Count, filter.Id);
        }

        // Real detonations alone already exercise several filters.
        var samples = SampleRecords.Files().SelectMany(SampleRecords.Read).ToList();
        CisPack.Filters.Count(f => samples.Any(Expected[f.Id])).ShouldBeGreaterThanOrEqualTo(6);
    }

    private static void AssertCounts(string id, IReadOnlyList<JsonElement> records)
    {
        var pattern = FilterPattern.Parse(Filter(id).Pattern).Pattern!;
        var expected = records.Where(Expected[id]).ToList();

        records.Count(r => pattern.Matches(r)).ShouldBe(expected.Count, id);
        records.Count(r => pattern.Matches(SampleRecords.Compact(r))).ShouldBe(expected.Count, id);
        expected.ShouldAllBe(r => pattern.Matches(r));
    }

    private static CisFilter Filter(string id) => CisPack.Filters.Single(f => f.Id == id);

    private static List<JsonElement> PantherEvents()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(SharedData.Path("rules", "panther-aws-cloudtrail-rule-tests.json")));
        return [.. document.RootElement.GetProperty("rules").EnumerateArray()
            .SelectMany(rule => rule.GetProperty("positive_tests").EnumerateArray().Concat(rule.GetProperty("negative_tests").EnumerateArray()))
            .Where(test => test.TryGetProperty("log", out _))
            .Select(test => test.GetProperty("log").Clone())];
    }

    [GeneratedRegex(@"^\| (?<id>\d+b?) \|.*?\| `(?<pattern>[^`]*)`")]
    private static partial Regex SpecRow();
}
