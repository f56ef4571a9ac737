using System.Diagnostics;
using System.Text.Json;
using Contrail.Delivery.Selection;
using Contrail.Delivery.Tests.Support;
using Xunit.Abstractions;

namespace Contrail.Delivery.Tests.Selection;

/// <summary>The matcher on the real records in ../shared/data/cloudtrail-samples.</summary>
public sealed class SampleSelectionTests(ITestOutputHelper output)
{
    private static readonly byte[][] Samples = [.. SampleRecords.Files().SelectMany(SampleRecords.Read).Select(SampleRecords.Compact)];

    [Fact]
    public void Matches_DefaultSelectors_SelectExactlyTheManagementEvents()
    {
        // Counted independently: eventCategory "Management", or none at all (records before 1.07).
        var management = SampleRecords.Files().SelectMany(SampleRecords.Read)
            .Count(r => !r.TryGetProperty("eventCategory", out var c) || c.GetString() == "Management");
        management.ShouldBe(406);

        var matcher = EventSelectorMatcher.Compile(null, null);
        Samples.Count(r => matcher.Matches(r)).ShouldBe(management);
    }

    [Fact]
    public void Matches_SampleS3DataEvents_SelectedByBasicAndAdvancedEquivalents()
    {
        var basic = EventSelectorMatcher.Compile([new BasicSelector("All", false, [new DataResourceSelector("AWS::S3::Object", ["arn:aws:s3"])], [])], null);
        var advanced = EventSelectorMatcher.Compile(null, [new AdvancedSelector("s3", [new("eventCategory", EqualTo: ["Data"]), new("resources.type", EqualTo: ["AWS::S3::Object"])])]);
        var data = Samples.Count(r => basic.Matches(r));
        data.ShouldBe(9);
        Samples.Count(r => advanced.Matches(r)).ShouldBe(data);
    }

    [Fact]
    public void Matches_Samples_AgreeWithReferenceForGeneratedSelectors()
    {
        var generator = new SelectionGenerator(42);
        for (var i = 0; i < 200; i++)
        {
            var (basic, advanced) = generator.Selectors();
            var matcher = EventSelectorMatcher.Compile(basic, advanced);
            foreach (var record in Samples)
            {
                matcher.Matches(record).ShouldBe(ReferenceEvaluator.Matches(basic, advanced, record));
            }
        }
    }

    [Fact]
    public void Matches_Samples_PrintsThroughput()
    {
        var matchers = new (string Name, EventSelectorMatcher Matcher)[]
        {
            ("default", EventSelectorMatcher.Compile(null, null)),
            ("basic S3+Lambda data, WriteOnly", EventSelectorMatcher.Compile(
                [new BasicSelector("WriteOnly", true, [new DataResourceSelector("AWS::S3::Object", ["arn:aws:s3:::b1/"]), new DataResourceSelector("AWS::Lambda::Function", ["arn:aws:lambda"])], ["kms.amazonaws.com"])], null)),
            ("advanced userIdentity.arn + resources.ARN", EventSelectorMatcher.Compile(null,
                [new AdvancedSelector("a", [new("eventCategory", EqualTo: ["Data", "Management"]), new("userIdentity.arn", NotEndsWith: ["/ci"]), new("resources.ARN", NotStartsWith: ["arn:aws:s3:::logs/"])])])),
        };

        // Two passes: the first lets tiered JIT reach optimized code; only the second is printed.
        const int Count = 500_000;
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var (name, matcher) in matchers)
            {
                var selected = 0;
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < Count; i++)
                {
                    selected += matcher.Matches(Samples[i % Samples.Length]) ? 1 : 0;
                }

                selected.ShouldBeGreaterThan(0);
                Print(pass, $"EventSelectorMatcher {name}: {Count / watch.Elapsed.TotalSeconds:N0} records/s on one thread ({Samples.Length} sample records, avg {Samples.Average(s => s.Length):F0} B)");
            }

            // A JsonDocument-based matcher costs at least the parse: the floor to compare with.
            var categories = 0;
            var parse = Stopwatch.StartNew();
            for (var i = 0; i < Count; i++)
            {
                using var document = JsonDocument.Parse(Samples[i % Samples.Length]);
                categories += document.RootElement.TryGetProperty("eventCategory", out _) ? 1 : 0;
            }

            categories.ShouldBeGreaterThan(0);
            Print(pass, $"JsonDocument.Parse + one lookup (floor for a JsonDocument matcher): {Count / parse.Elapsed.TotalSeconds:N0} records/s");
        }

        var reference = Stopwatch.StartNew();
        var n = 0;
        for (var i = 0; i < 20_000; i++)
        {
            n += ReferenceEvaluator.Matches(null, null, Samples[i % Samples.Length]) ? 1 : 0;
        }

        n.ShouldBeGreaterThan(0);
        Print(1, $"ReferenceEvaluator (JsonDocument) default: {20_000 / reference.Elapsed.TotalSeconds:N0} records/s");
    }

    private void Print(int pass, string line)
    {
        if (pass == 1)
        {
            output.WriteLine(line);
            Console.WriteLine(line);
        }
    }
}
