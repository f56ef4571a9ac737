using System.Security.Cryptography;
using System.Text.Json;

namespace Contrail.Monitoring.Rules;

/// <summary>
/// A CloudTrail record as EventBridge delivers it: <code>
/// {"version":"0","id":ID,"detail-type":"AWS API Call via CloudTrail","source":"aws.SERVICE",
///  "account":ACCOUNT,"time":EVENT_TIME,"region":REGION,"resources":[],"detail":RECORD}
/// </code>
/// <c>source</c> is <c>aws.</c> and the first label of <c>eventSource</c> (<c>iam.amazonaws.com</c> →
/// <c>aws.iam</c>); <c>detail-type</c> follows <c>eventType</c> (console sign-ins and service events have
/// their own); <c>account</c> is <c>recipientAccountId</c>, <c>region</c> <c>awsRegion</c> (the service's
/// own when absent); <c>id</c> is the record's <c>eventID</c> when it is a UUID, else a UUID derived from
/// the record's bytes, so a redelivered event keeps its id (receivers deduplicate on it).
/// Keep in sync with docs/dev/rules.md.
/// </summary>
public static class CloudTrailEnvelope
{
    /// <summary>The <c>detail-type</c> of API calls.</summary>
    public const string ApiCallDetailType = "AWS API Call via CloudTrail";

    /// <summary>Writes the envelope's members other than <c>detail</c>, as a JSON object.</summary>
    public static byte[] WriteHeader(JsonElement record, ReadOnlySpan<byte> recordJson, string account, string region)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteHeaderMembers(writer, record, recordJson, account, region);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the whole event: the header's members and <c>detail</c>, the record's bytes as they are.</summary>
    public static byte[] WriteEvent(JsonElement header, ReadOnlySpan<byte> recordJson)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(recordJson.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var member in header.EnumerateObject())
            {
                member.WriteTo(writer);
            }

            writer.WritePropertyName("detail"u8);
            writer.WriteRawValue(recordJson, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteHeaderMembers(Utf8JsonWriter writer, JsonElement record, ReadOnlySpan<byte> recordJson, string account, string region)
    {
        writer.WriteString("version"u8, "0"u8);
        writer.WriteString("id"u8, IdOf(record, recordJson));
        writer.WriteString("detail-type"u8, Text(record, "eventType") switch
        {
            "AwsConsoleSignIn" => "AWS Console Sign In via CloudTrail",
            "AwsServiceEvent" => "AWS Service Event via CloudTrail",
            _ => ApiCallDetailType,
        });
        writer.WriteString("source"u8, SourceOf(Text(record, "eventSource")));
        writer.WriteString("account"u8, Text(record, "recipientAccountId") ?? account);
        writer.WriteString("time"u8, TimeOf(Text(record, "eventTime")));
        writer.WriteString("region"u8, Text(record, "awsRegion") ?? region);
        writer.WriteStartArray("resources"u8);
        writer.WriteEndArray();
    }

    /// <summary><c>aws.</c> and the first label of the event source; <c>aws.unknown</c> when it has none.</summary>
    public static string SourceOf(string? eventSource)
    {
        if (string.IsNullOrEmpty(eventSource))
        {
            return "aws.unknown";
        }

        var dot = eventSource.IndexOf('.', StringComparison.Ordinal);
        return "aws." + (dot > 0 ? eventSource[..dot] : eventSource);
    }

    private static string TimeOf(string? eventTime) =>
        DateTimeOffset.TryParse(eventTime, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            ? time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)
            : eventTime ?? "";

    private static string IdOf(JsonElement record, ReadOnlySpan<byte> recordJson)
    {
        if (Guid.TryParseExact(Text(record, "eventID"), "D", out var id))
        {
            return id.ToString("D");
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(recordJson, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // a name-based UUID's version and variant bits
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString("D");
    }

    private static string? Text(JsonElement record, string name) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
