using System.Text;
using System.Text.Json;
using Contrail.Events.Records;

namespace Contrail.Events.Tests.Records;

public sealed class RecordNormalizerTests
{
    private static readonly RecordContext Context = new("111122223333", "eu-west-1", new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));

    private static (NormalizedRecord? Record, RecordError? Error) Normalize(string json)
    {
        using var document = JsonDocument.Parse(json);
        return RecordNormalizer.Normalize(document.RootElement, Context);
    }

    private static JsonElement Parsed(NormalizedRecord record) => JsonDocument.Parse(record.Json).RootElement;

    private const string Minimal = """{"userIdentity":{"type":"IAMUser","userName":"alice"},"eventTime":"2026-11-20T10:00:00Z","eventSource":"iam.amazonaws.com","eventName":"CreateUser"}""";

    [Fact]
    public void Normalize_MinimalRecord_FillsWhatTheProducerMayLeaveOut()
    {
        var (record, error) = Normalize(Minimal);

        error.ShouldBeNull();
        record!.IdAssigned.ShouldBeTrue();
        EventIds.IsVersion7(record.EventId).ShouldBeTrue();
        var json = Parsed(record);
        json.GetProperty("eventVersion").GetString().ShouldBe("1.11");
        json.GetProperty("eventID").GetString().ShouldBe(record.EventId);
        json.GetProperty("awsRegion").GetString().ShouldBe("eu-west-1");
        json.GetProperty("recipientAccountId").GetString().ShouldBe("111122223333");
        json.GetProperty("eventType").GetString().ShouldBe("AwsApiCall");
        json.GetProperty("eventCategory").GetString().ShouldBe("Management");
        json.GetProperty("managementEvent").GetBoolean().ShouldBeTrue();
        Encoding.UTF8.GetString(record.Json).ShouldStartWith("{\"eventVersion\":\"1.11\",\"userIdentity\":");
    }

    [Fact]
    public void Normalize_CompleteRecord_KeepsEveryValueByteForByte()
    {
        const string complete = """{"eventVersion":"1.08","userIdentity":{"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root","accountId":"111122223333"},"eventTime":"2021-03-01T01:02:03Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-2","sourceIPAddress":"203.0.113.5","userAgent":"aws-cli/2","requestParameters":{"bucketName":"b","key":"k\u00e9"},"responseElements":null,"requestID":"R1","eventID":"6b3e7d6a-0b5c-4f0e-9a8e-2d1c7b6a5f4e","readOnly":true,"resources":[{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::b/k"}],"eventType":"AwsApiCall","managementEvent":false,"recipientAccountId":"111122223333","eventCategory":"Data"}""";

        var (record, error) = Normalize(complete);

        error.ShouldBeNull();
        record!.IdAssigned.ShouldBeFalse();
        record.EventId.ShouldBe("6b3e7d6a-0b5c-4f0e-9a8e-2d1c7b6a5f4e");
        Encoding.UTF8.GetString(record.Json).ShouldBe(complete);
    }

    [Theory]
    [InlineData("2026-11-20T10:00:00.123Z", "2026-11-20T10:00:00Z")]
    [InlineData("2026-11-20T12:00:00+02:00", "2026-11-20T10:00:00Z")]
    [InlineData("2026-11-20T10:00:00", "2026-11-20T10:00:00Z")]
    public void Normalize_EventTimeForms_WrittenAsCloudTrailDoes(string given, string expected)
    {
        var (record, error) = Normalize(Minimal.Replace("2026-11-20T10:00:00Z", given, StringComparison.Ordinal));

        error.ShouldBeNull();
        Parsed(record!).GetProperty("eventTime").GetString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"eventSource":"a","eventName":"b","userIdentity":{}}""", RecordError.FieldNotFound, "eventTime")]
    [InlineData("""{"eventTime":"2026-11-20T10:00:00Z","eventName":"b","userIdentity":{}}""", RecordError.FieldNotFound, "eventSource")]
    [InlineData("""{"eventTime":"2026-11-20T10:00:00Z","eventSource":"a","userIdentity":{}}""", RecordError.FieldNotFound, "eventName")]
    [InlineData("""{"eventTime":"yesterday","eventSource":"a","eventName":"b","userIdentity":{}}""", RecordError.InvalidField, "eventTime")]
    [InlineData("""{"eventTime":"2026-11-20T10:00:00Z","eventSource":"a","eventName":"b","userIdentity":"alice"}""", RecordError.InvalidField, "userIdentity")]
    [InlineData("""{"eventTime":"2026-11-20T10:00:00Z","eventSource":"a","eventName":"b","userIdentity":{},"readOnly":"true"}""", RecordError.InvalidField, "readOnly")]
    [InlineData("""{"eventTime":"2026-11-20T10:00:00Z","eventSource":"a","eventName":"b","userIdentity":{},"resources":{"ARN":"x"}}""", RecordError.InvalidField, "resources")]
    [InlineData("""{"eventTime":"2026-11-20T10:00:00Z","eventSource":"a","eventName":"b","userIdentity":{},"eventCategory":"Fun"}""", RecordError.InvalidField, "eventCategory")]
    [InlineData("""{"eventTime":"2026-11-20T10:00:00Z","eventSource":"a","eventName":"b","userIdentity":{},"eventVersion":"one"}""", RecordError.InvalidField, "eventVersion")]
    [InlineData("""{"eventTime":"2026-11-20T10:00:00Z","eventSource":"a","eventName":"b","userIdentity":{},"eventID":""}""", RecordError.InvalidField, "eventID")]
    [InlineData("""{"eventTime":"2026-11-20T10:00:00Z","eventTime":"2026-11-20T10:00:00Z","eventSource":"a","eventName":"b","userIdentity":{}}""", RecordError.InvalidData, "eventTime")]
    [InlineData("""[1,2]""", RecordError.InvalidData, "object")]
    public void Normalize_BadRecord_RefusedWithCodeAndFieldName(string json, string code, string mentioned)
    {
        var (record, error) = Normalize(json);

        record.ShouldBeNull();
        error!.Code.ShouldBe(code);
        error.Message.ShouldContain(mentioned);
    }

    [Fact]
    public void Normalize_EventOver256KB_Refused()
    {
        var big = Minimal.Replace("\"eventName\":\"CreateUser\"", $"\"eventName\":\"CreateUser\",\"additionalEventData\":{{\"x\":\"{new string('a', 300_000)}\"}}", StringComparison.Ordinal);

        var (_, error) = Normalize(big);

        error!.Code.ShouldBe(RecordError.EventTooLarge);
    }

    [Fact]
    public void Normalize_LongShortFields_TruncatedTo1KB_AndOversizeRequestParametersOmitted()
    {
        var json = Minimal.Replace("\"eventName\":\"CreateUser\"",
            $"\"eventName\":\"CreateUser\",\"userAgent\":\"{new string('u', 2000)}\",\"requestParameters\":{{\"p\":\"{new string('p', 110_000)}\"}}",
            StringComparison.Ordinal);

        var (record, error) = Normalize(json);

        error.ShouldBeNull();
        var parsed = Parsed(record!);
        parsed.GetProperty("userAgent").GetString().ShouldBe(new string('u', 1023) + "...", "CloudTrail's form: 1,023 characters and a mark");
        parsed.GetProperty("requestParameters").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData(1024, false)]
    [InlineData(1025, true)]
    public void Normalize_ShortFieldAtTheLimit_KeptOrTruncated(int length, bool truncated)
    {
        var value = new string('m', length);
        var (record, error) = Normalize(Minimal.Replace("\"eventName\":\"CreateUser\"", $"\"eventName\":\"CreateUser\",\"errorMessage\":\"{value}\"", StringComparison.Ordinal));

        error.ShouldBeNull();
        Parsed(record!).GetProperty("errorMessage").GetString().ShouldBe(truncated ? new string('m', 1023) + "..." : value);
    }

    [Fact]
    public void Normalize_ValueCloudTrailAlreadyTruncated_PassesThroughUnchanged()
    {
        // A real errorMessage from the stratus-red-team samples is 1,023 characters and "...".
        var value = new string('e', 1023) + "...";
        var (record, error) = Normalize(Minimal.Replace("\"eventName\":\"CreateUser\"", $"\"eventName\":\"CreateUser\",\"errorMessage\":\"{value}\"", StringComparison.Ordinal));

        error.ShouldBeNull();
        Parsed(record!).GetProperty("errorMessage").GetString().ShouldBe(value);
    }

    [Fact]
    public void Normalize_InsightRecord_NeedsNoEventNameOrIdentity()
    {
        const string insight = """{"eventVersion":"1.07","eventTime":"2026-11-20T10:00:00Z","awsRegion":"us-east-1","eventID":"e1","eventType":"AwsCloudTrailInsight","recipientAccountId":"111122223333","sharedEventID":"s1","insightDetails":{"state":"Start"},"eventCategory":"Insight"}""";

        var (record, error) = Normalize(insight);

        error.ShouldBeNull();
        Parsed(record!).TryGetProperty("managementEvent", out _).ShouldBeFalse();
    }

    [Fact]
    public void Normalize_UnknownFields_Kept()
    {
        var (record, _) = Normalize(Minimal[..^1] + ",\"newerField\":{\"a\":1}}");

        Parsed(record!).GetProperty("newerField").GetProperty("a").GetInt32().ShouldBe(1);
    }
}
