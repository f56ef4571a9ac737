using System.Text.Json;
using Contrail.Events.Records;
using Contrail.Monitoring.Insights;

namespace Contrail.Api.Monitoring.Insights;

/// <summary>Reads what Insights count of a journaled record in one forward pass (no document is built).</summary>
internal static class InsightCallReader
{
    /// <summary>The call, or false when the record lacks an eventTime, eventSource or eventName (Insights records, channel events).</summary>
    public static bool TryRead(ReadOnlySpan<byte> json, string defaultRegion, out InsightCall call)
    {
        call = default;
        string? time = null, region = null, source = null, name = null, category = null, error = null, agent = null, arn = null;
        var readOnly = false;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("userIdentity"u8))
                {
                    reader.Read();
                    arn = ArnOf(ref reader);
                    continue;
                }

                var field = Field(ref reader);
                reader.Read();
                switch (field)
                {
                    case 1: time = Text(ref reader); break;
                    case 2: region = Text(ref reader); break;
                    case 3: source = Text(ref reader); break;
                    case 4: name = Text(ref reader); break;
                    case 5: category = Text(ref reader); break;
                    case 6: error = Text(ref reader); break;
                    case 7: agent = Text(ref reader); break;
                    case 8: readOnly = reader.TokenType == JsonTokenType.True; break;
                    default: reader.Skip(); break;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        if (source is null || name is null || !EventTime.TryParse(time, out var eventTime))
        {
            return false;
        }

        call = new InsightCall(eventTime, region ?? defaultRegion, source, name, category ?? "Management", readOnly, error, arn, agent);
        return true;
    }

    private static int Field(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("eventTime"u8) ? 1
        : reader.ValueTextEquals("awsRegion"u8) ? 2
        : reader.ValueTextEquals("eventSource"u8) ? 3
        : reader.ValueTextEquals("eventName"u8) ? 4
        : reader.ValueTextEquals("eventCategory"u8) ? 5
        : reader.ValueTextEquals("errorCode"u8) ? 6
        : reader.ValueTextEquals("userAgent"u8) ? 7
        : reader.ValueTextEquals("readOnly"u8) ? 8
        : 0;

    private static string? Text(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            return string.IsNullOrEmpty(text) ? null : text;
        }

        reader.Skip();
        return null;
    }

    /// <summary>userIdentity.arn; leaves the reader on the object's end.</summary>
    private static string? ArnOf(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? arn = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isArn = reader.ValueTextEquals("arn"u8);
            reader.Read();
            if (isArn)
            {
                arn = Text(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return arn;
    }
}
