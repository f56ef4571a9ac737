using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Contrail.Store.Lake.Schema;

/// <summary>
/// Turns a CloudTrail record (its JSON, as the journal or a log file holds it) into a row of
/// <see cref="LakeSchema"/>, written as a JSON object with the columns' lower-case names:
/// <code>
/// {"eventversion":"1.08","useridentity":{"type":"IAMUser",…},"eventtime":"2023-01-22 10:11:12.000000",
///  "requestparameters":{"bucketName":"b","tags":"[{\"k\":1}]"},…,"eventjson":"{…the record…}"}
/// </code>
/// DuckDB's <c>json_transform</c> reads an array of these with <see cref="LakeSchema.RowsJsonStructure"/>.
/// Members are matched case-insensitively (<c>eventID</c> → <c>eventid</c>); members the schema
/// does not know are dropped (they stay in <c>eventjson</c>). Times are normalized to
/// <c>yyyy-MM-dd HH:mm:ss.ffffff</c> UTC, and a time that does not parse becomes null rather than
/// failing the batch. Map values are text: strings as they are, other values as their JSON.
/// Stateless and thread-safe.
/// </summary>
internal static class LakeRowWriter
{
    /// <summary>Writes the row of <paramref name="record"/>; returns false (writing nothing) when it is not a JSON object with a string <c>eventID</c>.</summary>
    /// <exception cref="JsonException">The bytes are not JSON.</exception>
    public static bool TryWrite(Utf8JsonWriter writer, ReadOnlyMemory<byte> record, out string? eventId)
    {
        eventId = null;
        using var document = JsonDocument.Parse(record);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("eventID"u8, out var id) || id.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        eventId = id.GetString();

        writer.WriteStartObject();
        WriteFields(writer, root, LakeSchema.Columns, topLevel: true);
        writer.WriteString("eventjson"u8, Encoding.UTF8.GetString(record.Span));
        writer.WriteEndObject();
        return true;
    }

    private static void WriteFields(Utf8JsonWriter writer, JsonElement source, IReadOnlyList<LakeColumn> fields, bool topLevel)
    {
        foreach (var field in fields)
        {
            if (topLevel && field.Name == "eventjson")
            {
                continue;
            }

            if (Find(source, field.Name) is { } value)
            {
                writer.WritePropertyName(field.Name);
                WriteValue(writer, value, field.Type);
            }
        }
    }

    private static JsonElement? Find(JsonElement source, string name)
    {
        foreach (var property in source.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonElement value, LakeType type)
    {
        switch (type.Kind)
        {
            case LakeTypeKind.Varchar:
                WriteText(writer, value);
                break;
            case LakeTypeKind.Timestamp:
                if (value.ValueKind == JsonValueKind.String && TryParseTime(value.GetString()!, out var time))
                {
                    writer.WriteStringValue(time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture));
                }
                else
                {
                    writer.WriteNullValue();
                }

                break;
            case LakeTypeKind.Boolean:
                if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    writer.WriteBooleanValue(value.ValueKind == JsonValueKind.True);
                }
                else if (value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out var flag))
                {
                    writer.WriteBooleanValue(flag);
                }
                else
                {
                    writer.WriteNullValue();
                }

                break;
            case LakeTypeKind.Map when value.ValueKind == JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    WriteText(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case LakeTypeKind.Struct when value.ValueKind == JsonValueKind.Object:
                writer.WriteStartObject();
                WriteFields(writer, value, type.Fields, topLevel: false);
                writer.WriteEndObject();
                break;
            case LakeTypeKind.List when value.ValueKind == JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteValue(writer, item, type.Element!);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static void WriteText(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                writer.WriteStringValue(value.GetString());
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                writer.WriteNullValue();
                break;
            default:
                writer.WriteStringValue(value.GetRawText());
                break;
        }
    }

    // CloudTrail writes "2019-06-19T00:18:31Z"; the "basic" form "20131102T010628Z" appears in one
    // documented example of creationDate.
    private static bool TryParseTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time)
        || DateTimeOffset.TryParseExact(text, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
