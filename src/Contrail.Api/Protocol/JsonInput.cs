using System.Globalization;
using System.Text.Json;
using Contrail.Events.Records;

namespace Contrail.Api.Protocol;

/// <summary>
/// Reads AWS JSON request members with the checks AWS services make: a body that is not a JSON
/// object, or a member of the wrong JSON type, is a <c>SerializationException</c>.
/// Each reader returns an <see cref="ApiError"/> instead of throwing.
/// </summary>
internal static class JsonInput
{
    /// <summary>Parses a request body; an empty body is <c>{}</c>.</summary>
    public static (JsonDocument? Document, ApiError? Error) Parse(ReadOnlyMemory<byte> body)
    {
        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return (JsonDocument.Parse("{}"u8.ToArray()), null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            return (null, ApiError.Serialization($"The request body is not valid JSON: {e.Message}"));
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return (null, ApiError.Serialization("The request body must be a JSON object."));
        }

        return (document, null);
    }

    public static ApiError? String(JsonElement parent, string name, out string? value)
    {
        value = null;
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return ApiError.Serialization($"{name} must be a string; got {Kind(element)}.");
        }

        value = element.GetString();
        return null;
    }

    public static ApiError? Integer(JsonElement parent, string name, out int? value)
    {
        value = null;
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var number))
        {
            return ApiError.Serialization($"{name} must be an integer; got {Kind(element)}.");
        }

        value = number;
        return null;
    }

    /// <summary>A timestamp: epoch seconds as a JSON number (what botocore sends), or an ISO 8601 / epoch string.</summary>
    public static ApiError? Timestamp(JsonElement parent, string name, out DateTimeOffset? value)
    {
        value = null;
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var seconds) && Math.Abs(seconds) < 253402300800d)
        {
            value = DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
            return null;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            var text = element.GetString()!;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) && Math.Abs(seconds) < 253402300800d)
            {
                value = DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
                return null;
            }

            if (EventTime.TryParse(text, out var parsed))
            {
                value = parsed;
                return null;
            }
        }

        return ApiError.Serialization($"{name} must be a timestamp (epoch seconds or ISO 8601); got {Kind(element)}.");
    }

    public static ApiError? Array(JsonElement parent, string name, out JsonElement? value)
    {
        value = null;
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            return ApiError.Serialization($"{name} must be a list; got {Kind(element)}.");
        }

        value = element;
        return null;
    }

    public static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    /// <summary>Copies a request body into an audit record's <c>requestParameters</c>, member names in camelCase
    /// as CloudTrail writes them (<c>LookupAttributes</c> becomes <c>lookupAttributes</c>).</summary>
    public static void WriteCamelCased(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(JsonNamingPolicy.CamelCase.ConvertName(property.Name));
                    WriteCamelCased(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCamelCased(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
