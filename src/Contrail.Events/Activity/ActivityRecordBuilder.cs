using System.Buffers;
using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Contrail.Events.Records;

namespace Contrail.Events.Activity;

/// <summary>
/// Turns one <c>PutAuditEvents</c> entry (an <c>eventData</c> string, spec §5) into the record
/// CloudTrail keeps for it: <c>eventCategory</c> ActivityAuditLog, <c>eventType</c> ActivityLog,
/// the producer's event under <c>eventData</c>, and <c>metadata</c> with the ingestion time and channel.
/// Thread-safe: holds no state.
/// </summary>
public static class ActivityRecordBuilder
{
    private static readonly (string Name, int MaxChars)[] RequiredStrings =
    [
        ("version", 256),
        ("eventSource", 1024),
        ("eventName", 1024),
        ("eventTime", 64),
        ("UID", 1024),
        ("recipientAccountId", 12),
    ];

    private static readonly (string Name, int MaxChars)[] OptionalStrings =
    [
        ("userAgent", 1024),
        ("errorCode", 256),
        ("errorMessage", 256),
        ("sourceIPAddress", 64),
    ];

    private static readonly (string Name, int MaxBytes)[] OptionalObjects =
    [
        ("requestParameters", RecordLimits.MaxLargeObjectBytes),
        ("responseElements", RecordLimits.MaxLargeObjectBytes),
        ("additionalEventData", RecordLimits.MaxAdditionalEventDataBytes),
    ];

    /// <summary>Validates <paramref name="eventData"/> and builds the stored record.</summary>
    /// <param name="eventData">The entry's <c>eventData</c>: a string holding a JSON object.</param>
    /// <param name="checksum">The entry's optional <c>eventDataChecksum</c>: base64 SHA-256 of <paramref name="eventData"/>.</param>
    /// <param name="channelArn">The channel the event came in on.</param>
    /// <param name="context">Account (the channel owner), region and the ingestion time.</param>
    public static (NormalizedRecord? Record, RecordError? Error) Build(string eventData, string? checksum, string channelArn, RecordContext context)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        ArgumentNullException.ThrowIfNull(context);
        var utf8 = Encoding.UTF8.GetBytes(eventData);
        if (utf8.Length > RecordLimits.MaxEventBytes)
        {
            return Fail(RecordError.FieldTooLong, $"eventData is {utf8.Length} bytes; the limit is {RecordLimits.MaxEventBytes} bytes (256 KB).");
        }

        if (checksum is not null && !ChecksumMatches(utf8, checksum))
        {
            return Fail(RecordError.InvalidChecksum, "eventDataChecksum is not the base64 SHA-256 of eventData.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            return Fail(RecordError.InvalidData, $"eventData is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail(RecordError.InvalidData, "eventData must be a JSON object.");
            }

            if (Validate(root, context) is { } error)
            {
                return (null, error);
            }

            EventTime.TryParse(root.GetProperty("eventTime").GetString(), out var eventTime);
            var eventId = EventIds.NewId(context.Now);
            var buffer = new ArrayBufferWriter<byte>(utf8.Length + 384);
            using (var writer = new Utf8JsonWriter(buffer, RecordNormalizer.WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("eventVersion", RecordLimits.CurrentEventVersion);
                writer.WriteString("eventCategory", "ActivityAuditLog");
                writer.WriteString("eventType", "ActivityLog");
                writer.WriteString("eventID", eventId);
                writer.WriteString("eventTime", EventTime.Format(eventTime));
                writer.WriteString("awsRegion", context.Region);
                writer.WriteString("recipientAccountId", context.AccountId);
                writer.WritePropertyName("eventData");
                writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(root), skipInputValidation: true);
                writer.WriteStartObject("metadata");
                writer.WriteString("ingestionTime", EventTime.Format(context.Now));
                writer.WriteString("channelARN", channelArn);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            return (new NormalizedRecord(eventId, buffer.WrittenSpan.ToArray(), IdAssigned: true), null);
        }
    }

    private static RecordError? Validate(JsonElement root, RecordContext context)
    {
        if (!root.TryGetProperty("userIdentity", out var identity))
        {
            return new RecordError(RecordError.FieldNotFound, "eventData.userIdentity is required.");
        }

        if (identity.ValueKind != JsonValueKind.Object)
        {
            return new RecordError(RecordError.InvalidData, "eventData.userIdentity must be a JSON object.");
        }

        if (CheckString(identity, "type", 128, required: true, "eventData.userIdentity.") is { } typeError)
        {
            return typeError;
        }

        if (CheckString(identity, "principalId", 1024, required: true, "eventData.userIdentity.") is { } principalError)
        {
            return principalError;
        }

        if (identity.TryGetProperty("details", out var details) && details.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            return new RecordError(RecordError.InvalidData, "eventData.userIdentity.details must be a JSON object.");
        }

        foreach (var (name, max) in RequiredStrings)
        {
            if (CheckString(root, name, max, required: true, "eventData.") is { } error)
            {
                return error;
            }
        }

        foreach (var (name, max) in OptionalStrings)
        {
            if (CheckString(root, name, max, required: false, "eventData.") is { } error)
            {
                return error;
            }
        }

        foreach (var (name, max) in OptionalObjects)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                return new RecordError(RecordError.InvalidData, $"eventData.{name} must be a JSON object.");
            }

            if (JsonMarshal.GetRawUtf8Value(value).Length > max)
            {
                return new RecordError(RecordError.FieldTooLong, $"eventData.{name} is larger than {max / 1024} KB.");
            }
        }

        if (!EventTime.TryParse(root.GetProperty("eventTime").GetString(), out _))
        {
            return new RecordError(RecordError.InvalidData, "eventData.eventTime must be a UTC time in the form yyyy-MM-ddTHH:mm:ssZ.");
        }

        if (root.TryGetProperty("sourceIPAddress", out var ip) && !IPAddress.TryParse(ip.GetString(), out _))
        {
            return new RecordError(RecordError.InvalidData, "eventData.sourceIPAddress must be an IPv4 or IPv6 address.");
        }

        var recipient = root.GetProperty("recipientAccountId").GetString();
        if (recipient != context.AccountId)
        {
            return new RecordError(RecordError.InvalidRecipient, $"eventData.recipientAccountId '{recipient}' is not the channel owner's account {context.AccountId}.");
        }

        return null;
    }

    private static RecordError? CheckString(JsonElement parent, string name, int maxChars, bool required, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? new RecordError(RecordError.FieldNotFound, $"{path}{name} is required.") : null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return new RecordError(RecordError.InvalidData, $"{path}{name} must be a string.");
        }

        var length = value.GetString()!.Length;
        if (required && length == 0)
        {
            return new RecordError(RecordError.FieldNotFound, $"{path}{name} must not be empty.");
        }

        return length > maxChars
            ? new RecordError(RecordError.FieldTooLong, $"{path}{name} is {length} characters; the limit is {maxChars}.")
            : null;
    }

    private static bool ChecksumMatches(byte[] utf8, string checksum)
    {
        Span<byte> expected = stackalloc byte[32];
        if (!Convert.TryFromBase64String(checksum, expected, out var written) || written != 32)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[32];
        SHA256.HashData(utf8, actual);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static (NormalizedRecord?, RecordError?) Fail(string code, string message) => (null, new RecordError(code, message));
}
