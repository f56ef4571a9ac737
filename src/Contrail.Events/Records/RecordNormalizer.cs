using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Contrail.Events.Records;

/// <summary>
/// Validates one CloudTrail record as a producer sent it and completes it: fills what a producer
/// may leave out (eventID, eventVersion, awsRegion, recipientAccountId, eventType, eventCategory,
/// managementEvent), normalizes eventTime to CloudTrail's form, and applies CloudTrail's field caps.
/// Values are copied byte for byte; fields the record model does not know are kept (a newer
/// eventVersion may add them). Thread-safe: holds no state.
/// </summary>
public static partial class RecordNormalizer
{
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex EventVersionPattern();

    /// <summary>Validates and completes <paramref name="record"/>; returns the record or why it was refused.</summary>
    public static (NormalizedRecord? Record, RecordError? Error) Normalize(JsonElement record, RecordContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (record.ValueKind != JsonValueKind.Object)
        {
            return Fail(RecordError.InvalidData, "A record must be a JSON object.");
        }

        var raw = JsonMarshal.GetRawUtf8Value(record);
        if (raw.Length > RecordLimits.MaxEventBytes)
        {
            return Fail(RecordError.EventTooLarge, $"The event is {raw.Length} bytes; the limit is {RecordLimits.MaxEventBytes} bytes (256 KB).");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in record.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                return Fail(RecordError.InvalidData, $"The field '{property.Name}' appears more than once.");
            }

            if (RecordFields.Kinds.TryGetValue(property.Name, out var kind) && CheckKind(property.Name, property.Value, kind) is { } kindError)
            {
                return (null, kindError);
            }
        }

        var isInsight = record.TryGetProperty("insightDetails", out _)
            || (record.TryGetProperty("eventCategory", out var categoryValue) && categoryValue.GetString() == "Insight");

        if (!record.TryGetProperty("eventTime", out var timeValue))
        {
            return Fail(RecordError.FieldNotFound, "The field 'eventTime' is required.");
        }

        if (!EventTime.TryParse(timeValue.GetString(), out var eventTime))
        {
            return Fail(RecordError.InvalidField, $"The field 'eventTime' must be an ISO 8601 UTC time such as 2019-06-19T00:18:31Z; got '{Clip(timeValue.GetString())}'.");
        }

        if (!isInsight)
        {
            foreach (var required in (ReadOnlySpan<string>)["eventSource", "eventName", "userIdentity"])
            {
                if (!record.TryGetProperty(required, out var value) || (value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0))
                {
                    return Fail(RecordError.FieldNotFound, $"The field '{required}' is required.");
                }
            }
        }

        if (record.TryGetProperty("eventVersion", out var versionValue) && !EventVersionPattern().IsMatch(versionValue.GetString()!))
        {
            return Fail(RecordError.InvalidField, $"The field 'eventVersion' must look like \"1.11\"; got '{Clip(versionValue.GetString())}'.");
        }

        string? category = null;
        if (record.TryGetProperty("eventCategory", out categoryValue))
        {
            category = categoryValue.GetString()!;
            if (!RecordFields.Categories.Contains(category))
            {
                return Fail(RecordError.InvalidField, $"The field 'eventCategory' must be one of {string.Join(", ", RecordFields.Categories.Order(StringComparer.Ordinal))}; got '{Clip(category)}'.");
            }
        }

        category ??= isInsight ? "Insight" : "Management";

        string eventId;
        var idAssigned = false;
        if (record.TryGetProperty("eventID", out var idValue))
        {
            eventId = idValue.GetString()!;
            if (eventId.Length is 0 or > 128)
            {
                return Fail(RecordError.InvalidField, "The field 'eventID' must be 1 to 128 characters.");
            }
        }
        else
        {
            eventId = EventIds.NewId(eventTime);
            idAssigned = true;
        }

        var json = Write(record, context, eventTime, eventId, category, isInsight);
        return (new NormalizedRecord(eventId, json, idAssigned), null);
    }

    private static byte[] Write(JsonElement record, RecordContext context, DateTimeOffset eventTime, string eventId, string category, bool isInsight)
    {
        var buffer = new ArrayBufferWriter<byte>(JsonMarshal.GetRawUtf8Value(record).Length + 256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            if (!record.TryGetProperty("eventVersion", out _))
            {
                writer.WriteString("eventVersion", RecordLimits.CurrentEventVersion);
            }

            foreach (var property in record.EnumerateObject())
            {
                WriteField(writer, property, eventTime);
            }

            if (!record.TryGetProperty("awsRegion", out _))
            {
                writer.WriteString("awsRegion", context.Region);
            }

            if (!record.TryGetProperty("eventID", out _))
            {
                writer.WriteString("eventID", eventId);
            }

            if (!record.TryGetProperty("eventType", out _))
            {
                writer.WriteString("eventType", isInsight ? "AwsCloudTrailInsight" : "AwsApiCall");
            }

            if (!isInsight && !record.TryGetProperty("managementEvent", out _) && category is "Management" or "Data")
            {
                writer.WriteBoolean("managementEvent", category == "Management");
            }

            if (!record.TryGetProperty("recipientAccountId", out _))
            {
                writer.WriteString("recipientAccountId", context.AccountId);
            }

            if (!record.TryGetProperty("eventCategory", out _))
            {
                writer.WriteString("eventCategory", category);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteField(Utf8JsonWriter writer, JsonProperty property, DateTimeOffset eventTime)
    {
        var name = property.Name;
        var value = property.Value;
        if (name == "eventTime")
        {
            writer.WriteString(name, EventTime.Format(eventTime));
            return;
        }

        if (RecordFields.Truncated.Contains(name))
        {
            var text = value.GetString()!;
            if (RecordLimits.TruncateShortField(text) is { } truncated)
            {
                writer.WriteString(name, truncated);
                return;
            }
        }

        var raw = JsonMarshal.GetRawUtf8Value(value);
        var cap = name switch
        {
            "requestParameters" or "responseElements" or "serviceEventDetails" => RecordLimits.MaxLargeObjectBytes,
            "additionalEventData" or "edgeDeviceDetails" => RecordLimits.MaxAdditionalEventDataBytes,
            _ => int.MaxValue,
        };
        if (raw.Length > cap)
        {
            // CloudTrail omits the content of an oversize field; the record keeps the member as null
            // only where null is a valid value for it.
            if (value.ValueKind == JsonValueKind.Object && name is "requestParameters" or "responseElements")
            {
                writer.WriteNull(name);
            }

            return;
        }

        writer.WritePropertyName(name);
        writer.WriteRawValue(raw, skipInputValidation: true);
    }

    private static RecordError? CheckKind(string name, JsonElement value, FieldKind kind)
    {
        var ok = kind switch
        {
            FieldKind.String => value.ValueKind == JsonValueKind.String,
            FieldKind.Object => value.ValueKind == JsonValueKind.Object,
            FieldKind.ObjectOrNull => value.ValueKind is JsonValueKind.Object or JsonValueKind.Null,
            FieldKind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            FieldKind.ResourceArray => value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(IsResource),
            _ => false,
        };
        if (ok)
        {
            return null;
        }

        var expected = kind switch
        {
            FieldKind.String => "a string",
            FieldKind.Object => "a JSON object",
            FieldKind.ObjectOrNull => "a JSON object or null",
            FieldKind.Boolean => "true or false",
            _ => "an array of {\"ARN\", \"accountId\", \"type\"} objects",
        };
        return new RecordError(RecordError.InvalidField, $"The field '{name}' must be {expected}; got {Describe(value)}.");
    }

    private static bool IsResource(JsonElement resource) =>
        resource.ValueKind == JsonValueKind.Object
        && resource.EnumerateObject().All(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null);

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString(),
    };

    private static string Clip(string? text) =>
        text is null ? "" : text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");

    private static (NormalizedRecord?, RecordError?) Fail(string code, string message) => (null, new RecordError(code, message));
}
