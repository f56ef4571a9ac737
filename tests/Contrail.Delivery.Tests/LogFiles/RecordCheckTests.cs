using System.Text;
using Contrail.Delivery.LogFiles;
using Contrail.Delivery.Selection;

namespace Contrail.Delivery.Tests.LogFiles;

/// <summary>
/// Delivery checks records in its selection pass (<see cref="EventSelectorMatcher.Matches(ReadOnlySpan{byte}, out RecordCheck)"/>)
/// and hands the checks to the writer: the files and failures must be those of the writer checking alone.
/// </summary>
public sealed class RecordCheckTests
{
    private static readonly EventSelectorMatcher[] Matchers =
    [
        EventSelectorMatcher.Compile(null, null),
        EventSelectorMatcher.Compile([new BasicSelector("ReadOnly", true, [new DataResourceSelector("AWS::S3::Object", ["arn:aws:s3"])], ["kms.amazonaws.com"])], null),
        EventSelectorMatcher.Compile(null, [new AdvancedSelector("a", [new("eventCategory", EqualTo: ["Management"]), new("userIdentity.arn", NotEndsWith: ["/ci"])])]),
        EventSelectorMatcher.Compile(null, [new AdvancedSelector("a", [new("eventName", StartsWith: ["Get", "Create", "Console"])])]),
    ];

    [Fact]
    public void Write_GoldenRecordsWithChecks_SameFileAsWriterAlone()
    {
        var records = LogFileWriterTests.Golden();
        var expected = LogFileWriter.Write(records);
        foreach (var matcher in Matchers)
        {
            var checks = records.Select(r => Check(matcher, r.Span)).ToArray();

            var file = LogFileWriter.Write(records, checks);

            file.Body.ToArray().ShouldBe(expected.Body.ToArray());
            (file.CompressedSha256, file.UncompressedSha256, file.UncompressedLength, file.RecordCount, file.OldestEventTime, file.NewestEventTime)
                .ShouldBe((expected.CompressedSha256, expected.UncompressedSha256, expected.UncompressedLength, expected.RecordCount, expected.OldestEventTime, expected.NewestEventTime));
        }
    }

    [Theory]
    [InlineData("""{"eventCategory":"Management","eventTime":"2015-08-01T02:05:11Z"}""")]
    [InlineData("""{"eventTime":"2015-08-01T02:05:11Z","eventCategory":"Management"}""")]
    [InlineData("""{"eventTime":"bad","eventCategory":"Management","eventTime":"2015-08-01T02:05:11Z"}""")]
    [InlineData("""{"eventTime":"2015-08-01T02:05:11Z","eventCategory":"Management","eventTime":"x"}""")]
    [InlineData("""{"eventTime":"2015-08-01T02:05:11Z","eventCategory":"Management","eventTime":"2016-01-01T00:00:00Z"}""")]
    [InlineData("""{"eventTime":{"eventTime":"2015-08-01T02:05:11Z"},"eventCategory":"Management"}""")]
    [InlineData("""{"eventCategory":"Management","x":{"eventTime":"2016-01-01T00:00:00Z"},"eventTime":["2015-08-01T02:05:11Z"]}""")]
    [InlineData("""{"readOnly":true,"eventName":"GetObject","eventCategory":"Management","userIdentity":{"arn":"a"},"e\u0076entTime":"2015-08-01T02:05:11Z"}""")]
    [InlineData("""{"eventCategory":"Management"}  """)]
    [InlineData("""{}""")]
    public void Write_EventTimeAnywhere_SameTimesAsWriterAlone(string record)
    {
        ReadOnlyMemory<byte>[] records = [Encoding.UTF8.GetBytes(record), Encoding.UTF8.GetBytes("""{"eventTime":"2015-08-01T03:00:00Z"}""")];
        var expected = LogFileWriter.Write(records);
        foreach (var matcher in Matchers)
        {
            var file = LogFileWriter.Write(records, records.Select(r => Check(matcher, r.Span)).ToArray());

            (file.OldestEventTime, file.NewestEventTime, file.UncompressedSha256).ShouldBe((expected.OldestEventTime, expected.NewestEventTime, expected.UncompressedSha256));
        }
    }

    [Theory]
    [InlineData("""{"eventCategory":"Management","a":tru}""")]
    [InlineData("""{"eventCategory":"Management"}{"b":2}""")]
    [InlineData("""{"eventCategory":"Management"},""")]
    [InlineData("""{"eventCategory":"Management","a":1""")]
    [InlineData("""{"eventCategory":"Management","eventTime":"2015-08-01T02:05:11Z","a":[1,}""")]
    public void Write_MalformedAfterTheFieldsSelectionNeeds_SelectedThenFailsAsWriterAlone(string record)
    {
        // The default selectors stop reading at eventCategory: selection answers, the write fails.
        var matcher = EventSelectorMatcher.Compile(null, null);
        ReadOnlyMemory<byte>[] records = [Encoding.UTF8.GetBytes("{}"), Encoding.UTF8.GetBytes(record)];
        var expected = Should.Throw<FormatException>(() => LogFileWriter.Write(records));

        matcher.Matches(records[1].Span, out var check).ShouldBeTrue();
        check.Failed.ShouldBeTrue();
        var thrown = Should.Throw<FormatException>(() => LogFileWriter.Write(records, [Check(matcher, records[0].Span), check]));

        thrown.Message.ShouldBe(expected.Message);
        thrown.InnerException?.Message.ShouldBe(expected.InnerException?.Message);
    }

    [Fact]
    public void Write_ChecksForOtherRecords_Throws()
    {
        Should.Throw<ArgumentException>(() => LogFileWriter.Write(LogFileWriterTests.Golden(), new RecordCheck[1]));
    }

    private static RecordCheck Check(EventSelectorMatcher matcher, ReadOnlySpan<byte> record)
    {
        matcher.Matches(record, out var check);
        return check;
    }
}
