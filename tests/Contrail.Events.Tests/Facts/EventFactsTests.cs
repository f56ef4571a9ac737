using System.Text;
using Contrail.Events.Facts;
using Contrail.Events.Records;

namespace Contrail.Events.Tests.Facts;

public sealed class EventFactsTests
{
    private static EventFacts Extract(string json) => EventFacts.Extract(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("""{"type":"IAMUser","userName":"Mary_Major","principalId":"AIDA1"}""", "Mary_Major")]
    [InlineData("""{"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root"}""", "root")]
    [InlineData("""{"type":"AssumedRole","principalId":"AROA1:my-session","arn":"arn:aws:sts::111122223333:assumed-role/Admin/my-session"}""", "my-session")]
    [InlineData("""{"type":"AssumedRole","principalId":"AROA1:sess2"}""", "sess2")]
    [InlineData("""{"type":"AWSService","invokedBy":"ec2.amazonaws.com"}""", "ec2.amazonaws.com")]
    [InlineData("""{"type":"IdentityCenterUser","onBehalfOf":{"userId":"u-123"}}""", "u-123")]
    [InlineData("""{"type":"Unknown","principalId":"p-9"}""", "p-9")]
    public void Extract_Username_AsEventHistoryShowsIt(string identity, string expected)
    {
        var facts = Extract($$"""{"userIdentity":{{identity}},"eventTime":"2026-01-01T00:00:00Z","eventID":"e","eventName":"X","eventSource":"s"}""");

        facts.Username.ShouldBe(expected);
    }

    [Fact]
    public void Extract_ManagementRecord_ReadsEveryLookupField()
    {
        var facts = Extract("""{"userIdentity":{"type":"IAMUser","userName":"bob","accessKeyId":"AKIA1"},"eventTime":"2026-01-02T03:04:05Z","eventSource":"s3.amazonaws.com","eventName":"CreateBucket","eventID":"id-1","readOnly":false,"resources":[{"type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::b"},{"type":"AWS::KMS::Key","ARNPrefix":"arn:aws:kms:"}],"eventCategory":"Management"}""");

        facts.EventId.ShouldBe("id-1");
        facts.EventTimeMicros.ShouldBe(EventTime.ToUnixMicros(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        facts.EventName.ShouldBe("CreateBucket");
        facts.EventSource.ShouldBe("s3.amazonaws.com");
        facts.ReadOnly.ShouldBe(false);
        facts.AccessKeyId.ShouldBe("AKIA1");
        facts.Resources.ShouldBe([new ResourceFact("AWS::S3::Bucket", "arn:aws:s3:::b"), new ResourceFact("AWS::KMS::Key", "arn:aws:kms:")]);
        facts.EventCategory.ShouldBe("Management");
    }

    [Fact]
    public void Extract_ActivityRecord_ReadsEventData()
    {
        var facts = Extract("""{"eventVersion":"1.11","eventCategory":"ActivityAuditLog","eventType":"ActivityLog","eventID":"a1","eventTime":"2026-01-01T00:00:00Z","eventData":{"userIdentity":{"type":"User","principalId":"alice"},"eventSource":"myapp","eventName":"Login"}}""");

        facts.EventName.ShouldBe("Login");
        facts.EventSource.ShouldBe("myapp");
        facts.Username.ShouldBe("alice");
        facts.ReadOnly.ShouldBeNull();
        facts.EventCategory.ShouldBe("ActivityAuditLog");
    }

    [Fact]
    public void JournalEnvelope_Encode_GoldenBytes()
    {
        // Persisted format: changing these bytes breaks every existing journal (docs/dev/journal-payload.md).
        JournalEnvelope.Encode(new NormalizedRecord("e", "{}"u8.ToArray(), IdAssigned: true)).ShouldBe(new byte[] { 0xA1, 0x7B, 0x7D });
        JournalEnvelope.Encode(new NormalizedRecord("e", "{}"u8.ToArray(), IdAssigned: false)).ShouldBe(new byte[] { 0xA0, 0x7B, 0x7D });
    }

    [Fact]
    public void JournalEnvelope_RoundTrip_KeepsFlagAndJson()
    {
        var record = new NormalizedRecord("e", Encoding.UTF8.GetBytes("{\"a\":1}"), IdAssigned: true);

        var (assigned, json) = JournalEnvelope.Decode(JournalEnvelope.Encode(record));

        assigned.ShouldBeTrue();
        json.ToArray().ShouldBe(record.Json);
        JournalEnvelope.Decode(JournalEnvelope.Encode(record with { IdAssigned = false })).IdAssigned.ShouldBeFalse();
        Should.Throw<FormatException>(() => JournalEnvelope.Decode(new byte[] { 0x01, 0x7b }));
    }
}
