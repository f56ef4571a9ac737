using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Contrail.Api.Delivery.Notifications;

/// <summary>
/// The bytes posted for a notification: the JSON body of an SNS HTTP/HTTPS notification, without the
/// SNS signature members (docs/dev/notifications.md, golden test <c>SnsNotificationBodyTests</c>):
/// <code>
/// {"Type":"Notification","MessageId":"…","TopicArn":"arn:aws:sns:…","Message":"{\"s3Bucket\":\"B\",\"s3ObjectKey\":[\"AWSLogs/…json.gz\"]}","Timestamp":"2026-12-01T07:35:00.456Z"}
/// </code>
/// As for CloudTrail's own notifications there is no Subject (SNS then leaves the member out).
/// SignatureVersion, Signature, SigningCertURL and UnsubscribeURL are left out too: Contrail cannot
/// sign as SNS does, and signs the body with HMAC-SHA256 instead (<see cref="NotificationSignature"/>).
/// </summary>
internal static class SnsNotificationBody
{
    /// <summary>Escapes only what JSON requires (quotes as <c>\"</c>, as SNS writes them); the body is never embedded in HTML.</summary>
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(SnsNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("Type"u8, "Notification"u8);
            writer.WriteString("MessageId"u8, notification.MessageId.ToString("D"));
            writer.WriteString("TopicArn"u8, notification.TopicArn);
            writer.WriteString("Message"u8, Message(notification.Bucket, notification.Keys));
            writer.WriteString("Timestamp"u8, Timestamp(notification.Timestamp));
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>CloudTrail's message (spec §1.5): <c>{"s3Bucket":"B","s3ObjectKey":["K1","K2"]}</c>.</summary>
    public static string Message(string bucket, IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("s3Bucket"u8, bucket);
            writer.WriteStartArray("s3ObjectKey"u8);
            foreach (var key in keys)
            {
                writer.WriteStringValue(key);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>ISO 8601 in UTC with milliseconds, as SNS: <c>2023-12-16T00:21:11.830Z</c>.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
