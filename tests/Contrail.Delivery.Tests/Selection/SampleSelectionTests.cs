using Contrail.Delivery.Selection;
using Contrail.Tests.Support;

namespace Contrail.Delivery.Tests.Selection;

/// <summary>The matcher on the real records in ../shared/data/cloudtrail-samples.</summary>
public sealed class SampleSelectionTests
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
}
