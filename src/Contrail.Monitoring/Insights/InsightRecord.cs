using System.Text.Encodings.Web;
using System.Text.Json;

namespace Contrail.Monitoring.Insights;

/// <summary>
/// Writes an Insights event record in CloudTrail's shape (spec §7): <c>eventType</c>
/// <c>AwsCloudTrailInsight</c>, <c>eventCategory</c> <c>Insight</c>, no userIdentity, and
/// <c>insightDetails</c> with the statistics and attributions. Averages are rounded to 10 decimals
/// and written without an exponent, as CloudTrail's samples show them.
/// </summary>
public static class InsightRecord
{
    /// <summary>The eventVersion Contrail writes on Insights records.</summary>
    public const string EventVersion = "1.08";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The record of <paramref name="occurrence"/>, for account <paramref name="accountId"/>.</summary>
    public static byte[] Write(InsightOccurrence occurrence, string accountId)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        ArgumentNullException.ThrowIfNull(accountId);
        using var buffer = new MemoryStream(1024);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            var key = occurrence.Key;
            w.WriteStartObject();
            w.WriteString("eventVersion", EventVersion);
            w.WriteString("eventTime", occurrence.EventTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("awsRegion", key.Region);
            w.WriteString("eventID", occurrence.EventId);
            w.WriteString("eventType", "AwsCloudTrailInsight");
            w.WriteString("recipientAccountId", accountId);
            w.WriteString("sharedEventID", occurrence.SharedEventId);
            w.WriteStartObject("insightDetails");
            w.WriteString("state", occurrence.State == InsightState.Start ? "Start" : "End");
            w.WriteString("eventSource", key.EventSource);
            w.WriteString("eventName", key.EventName);
            w.WriteString("insightType", key.Type.ToString());
            if (key.ErrorCode is { } errorCode)
            {
                w.WriteString("errorCode", errorCode);
            }

            w.WriteStartObject("insightContext");
            w.WriteStartObject("statistics");
            w.WriteStartObject("baseline");
            Average(w, occurrence.BaselineAverage);
            w.WriteEndObject();
            w.WriteStartObject("insight");
            Average(w, occurrence.InsightAverage);
            w.WriteEndObject();
            w.WriteNumber("insightDuration", occurrence.InsightDuration);
            w.WriteNumber("baselineDuration", occurrence.BaselineDuration);
            w.WriteEndObject();
            w.WriteStartArray("attributions");
            foreach (var attribution in occurrence.Attributions)
            {
                w.WriteStartObject();
                w.WriteString("attribute", attribution.Attribute);
                Values(w, "insight", attribution.Insight);
                Values(w, "baseline", attribution.Baseline);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteString("eventCategory", "Insight");
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Values(Utf8JsonWriter w, string name, IReadOnlyList<InsightAttributionValue> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStartObject();
            w.WriteString("value", value.Value);
            Average(w, value.Average);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Average(Utf8JsonWriter w, double average) =>
        w.WriteNumber("average", double.IsFinite(average) ? Math.Round((decimal)average, 10) : 0m);
}
