using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Contrail.Events.Activity;
using Contrail.Events.Records;

namespace Contrail.Events.Tests.Activity;

public sealed class ActivityRecordBuilderTests
{
    private const string Channel = "arn:aws:cloudtrail:us-east-1:111122223333:channel/default";
    private static readonly RecordContext Context = new("111122223333", "us-east-1", new DateTimeOffset(2026, 11, 21, 12, 0, 5, TimeSpan.Zero));

    private const string EventData = """{"version":"1.0","userIdentity":{"type":"User","principalId":"alice","details":{"team":"x"}},"userAgent":"app/1","eventSource":"myapp","eventName":"Login","eventTime":"2026-11-21T11:59:00Z","UID":"u-1","requestParameters":{"a":1},"sourceIPAddress":"2001:db8::1","recipientAccountId":"111122223333"}""";

    [Fact]
    public void Build_ValidEvent_KeepsItAsCloudTrailDoes()
    {
        var (record, error) = ActivityRecordBuilder.Build(EventData, null, Channel, Context);

        error.ShouldBeNull();
        var json = JsonDocument.Parse(record!.Json).RootElement;
        json.GetProperty("eventCategory").GetString().ShouldBe("ActivityAuditLog");
        json.GetProperty("eventType").GetString().ShouldBe("ActivityLog");
        json.GetProperty("eventID").GetString().ShouldBe(record.EventId);
        json.GetProperty("eventTime").GetString().ShouldBe("2026-11-21T11:59:00Z");
        json.GetProperty("awsRegion").GetString().ShouldBe("us-east-1");
        json.GetProperty("recipientAccountId").GetString().ShouldBe("111122223333");
        json.GetProperty("eventData").GetRawText().ShouldBe(EventData);
        json.GetProperty("metadata").GetProperty("channelARN").GetString().ShouldBe(Channel);
        json.GetProperty("metadata").GetProperty("ingestionTime").GetString().ShouldBe("2026-11-21T12:00:05Z");
        EventIds.IsVersion7(record.EventId).ShouldBeTrue();
    }

    [Fact]
    public void Build_MatchingChecksum_Accepted_WrongChecksum_Refused()
    {
        var good = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(EventData)));

        ActivityRecordBuilder.Build(EventData, good, Channel, Context).Error.ShouldBeNull();
        ActivityRecordBuilder.Build(EventData, Convert.ToBase64String(new byte[32]), Channel, Context).Error!.Code.ShouldBe(RecordError.InvalidChecksum);
        ActivityRecordBuilder.Build(EventData, "not base64!", Channel, Context).Error!.Code.ShouldBe(RecordError.InvalidChecksum);
    }

    [Theory]
    [InlineData("version", RecordError.FieldNotFound)]
    [InlineData("eventSource", RecordError.FieldNotFound)]
    [InlineData("eventName", RecordError.FieldNotFound)]
    [InlineData("eventTime", RecordError.FieldNotFound)]
    [InlineData("UID", RecordError.FieldNotFound)]
    [InlineData("recipientAccountId", RecordError.FieldNotFound)]
    [InlineData("userIdentity", RecordError.FieldNotFound)]
    public void Build_MissingRequiredField_FieldNotFound(string field, string code)
    {
        var data = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(EventData)!;
        data.Remove(field);

        var (_, error) = ActivityRecordBuilder.Build(JsonSerializer.Serialize(data), null, Channel, Context);

        error!.Code.ShouldBe(code);
        error.Message.ShouldContain(field);
    }

    [Theory]
    [InlineData("\"eventName\":\"Login\"", "\"eventName\":\"LOOOONG\"", RecordError.FieldTooLong)]
    [InlineData("\"recipientAccountId\":\"111122223333\"", "\"recipientAccountId\":\"999999999999\"", RecordError.InvalidRecipient)]
    [InlineData("\"sourceIPAddress\":\"2001:db8::1\"", "\"sourceIPAddress\":\"not-an-ip\"", RecordError.InvalidData)]
    [InlineData("\"eventTime\":\"2026-11-21T11:59:00Z\"", "\"eventTime\":\"noon\"", RecordError.InvalidData)]
    [InlineData("\"requestParameters\":{\"a\":1}", "\"requestParameters\":[1]", RecordError.InvalidData)]
    [InlineData("\"principalId\":\"alice\"", "\"principalId\":5", RecordError.InvalidData)]
    public void Build_BadField_RefusedWithItsCode(string from, string to, string code)
    {
        var data = EventData.Replace(from, to.Replace("LOOOONG", new string('x', 1025), StringComparison.Ordinal), StringComparison.Ordinal);

        ActivityRecordBuilder.Build(data, null, Channel, Context).Error!.Code.ShouldBe(code);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("\"str\"")]
    public void Build_NotAnObject_InvalidData(string data)
    {
        ActivityRecordBuilder.Build(data, null, Channel, Context).Error!.Code.ShouldBe(RecordError.InvalidData);
    }
}
