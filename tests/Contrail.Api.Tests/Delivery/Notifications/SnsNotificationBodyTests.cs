using System.Text;
using System.Text.Json;
using Contrail.Api.Delivery.Notifications;

namespace Contrail.Api.Tests.Delivery.Notifications;

/// <summary>The body that leaves the service (golden bytes, as in docs/dev/notifications.md) and its signature.</summary>
public sealed class SnsNotificationBodyTests
{
    private const string GoldenBody = """{"Type":"Notification","MessageId":"6f1c2e4a-0b3d-4c5e-8f7a-9b0c1d2e3f40","TopicArn":"arn:aws:sns:us-east-1:111122223333:cloudtrail-topic","Message":"{\"s3Bucket\":\"audit-logs\",\"s3ObjectKey\":[\"AWSLogs/111122223333/CloudTrail/us-east-1/2026/12/01/111122223333_CloudTrail_us-east-1_20261201T0735Z_AbCdEfGhIjKlMnOp.json.gz\",\"AWSLogs/111122223333/CloudTrail/eu-west-1/2026/12/01/111122223333_CloudTrail_eu-west-1_20261201T0735Z_QrStUvWxYz012345.json.gz\"]}","Timestamp":"2026-12-01T07:35:00.456Z"}""";

    // Computed with Python's hmac module: hmac.new(b"golden-notification-secret", body, hashlib.sha256).hexdigest()
    private const string GoldenSignature = "sha256=02176965dff567a528b09f66957ff6bc764bf3448e4c10f9d2f27b61d1c897d1";

    private static readonly SnsNotification Golden = new(
        Guid.Parse("6f1c2e4a-0b3d-4c5e-8f7a-9b0c1d2e3f40"),
        "arn:aws:sns:us-east-1:111122223333:cloudtrail-topic",
        "audit-logs",
        [
            "AWSLogs/111122223333/CloudTrail/us-east-1/2026/12/01/111122223333_CloudTrail_us-east-1_20261201T0735Z_AbCdEfGhIjKlMnOp.json.gz",
            "AWSLogs/111122223333/CloudTrail/eu-west-1/2026/12/01/111122223333_CloudTrail_eu-west-1_20261201T0735Z_QrStUvWxYz012345.json.gz",
        ],
        new DateTimeOffset(2026, 12, 1, 7, 35, 0, 456, TimeSpan.Zero));

    [Fact]
    public void Write_FixedIdAndTime_GoldenBytes() =>
        Encoding.UTF8.GetString(SnsNotificationBody.Write(Golden)).ShouldBe(GoldenBody);

    [Fact]
    public void Compute_GoldenBody_MatchesAnIndependentHmac() =>
        NotificationSignature.Compute("golden-notification-secret", Encoding.UTF8.GetBytes(GoldenBody)).ShouldBe(GoldenSignature);

    [Fact]
    public void Verify_TamperedBodyOrOtherSecret_Refused()
    {
        var body = Encoding.UTF8.GetBytes(GoldenBody);
        NotificationSignature.Verify("golden-notification-secret", body, GoldenSignature).ShouldBeTrue();
        NotificationSignature.Verify("golden-notification-secreT", body, GoldenSignature).ShouldBeFalse();
        body[^3] ^= 1;
        NotificationSignature.Verify("golden-notification-secret", body, GoldenSignature).ShouldBeFalse();
        NotificationSignature.Verify("golden-notification-secret", body, null).ShouldBeFalse();
    }

    [Fact]
    public void Write_TimestampWithOffset_IsUtcWithMilliseconds()
    {
        var notification = Golden with { Timestamp = new DateTimeOffset(2026, 12, 1, 9, 35, 0, 7, TimeSpan.FromHours(2)) };

        var body = JsonDocument.Parse(SnsNotificationBody.Write(notification)).RootElement;

        body.GetProperty("Timestamp").GetString().ShouldBe("2026-12-01T07:35:00.007Z");
    }

    [Theory]
    [InlineData("plain/key.json.gz")]
    [InlineData("quote\"and\\backslash")]
    [InlineData("<html>&'+`")]
    [InlineData("café/日本/\u00e9")]
    [InlineData("tab\tnew\nline\u0001")]
    public void Write_AnyKey_RoundTripsThroughBothJsonLayers(string key)
    {
        var notification = Golden with { Bucket = "b\"ucket", Keys = [key, key + "2"] };

        var body = JsonDocument.Parse(SnsNotificationBody.Write(notification)).RootElement;
        var message = JsonDocument.Parse(body.GetProperty("Message").GetString()!).RootElement;

        message.GetProperty("s3Bucket").GetString().ShouldBe("b\"ucket");
        message.GetProperty("s3ObjectKey").EnumerateArray().Select(k => k.GetString()).ShouldBe([key, key + "2"]);
    }

    [Fact]
    public void Message_IsCloudTrailsShape()
    {
        SnsNotificationBody.Message("bucket", ["k1", "k2"]).ShouldBe("""{"s3Bucket":"bucket","s3ObjectKey":["k1","k2"]}""");
    }
}
