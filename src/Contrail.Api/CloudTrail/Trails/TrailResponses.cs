using System.Buffers;
using System.Text.Json;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// Response bodies with exactly the members of the service model's output shapes (botocore
/// cloudtrail 2013-11-01); unset strings are left out, as AWS does.
/// </summary>
internal static class TrailResponses
{
    /// <summary>A JSON object written by <paramref name="members"/>.</summary>
    public static byte[] Object(Action<Utf8JsonWriter> members)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static readonly byte[] Empty = "{}"u8.ToArray();

    /// <summary>CreateTrailResponse / UpdateTrailResponse members.</summary>
    public static void WriteSettings(Utf8JsonWriter writer, Trail trail)
    {
        writer.WriteString("Name", trail.Name);
        writer.WriteString("S3BucketName", trail.S3BucketName);
        Optional(writer, "S3KeyPrefix", trail.S3KeyPrefix);
        Optional(writer, "SnsTopicName", trail.SnsTopicName);
        Optional(writer, "SnsTopicARN", SnsTopics.ArnOf(trail));
        writer.WriteBoolean("IncludeGlobalServiceEvents", trail.IncludeGlobalServiceEvents);
        writer.WriteBoolean("IsMultiRegionTrail", trail.IsMultiRegionTrail);
        writer.WriteString("TrailARN", trail.TrailArn);
        writer.WriteBoolean("LogFileValidationEnabled", trail.LogFileValidationEnabled);
        Optional(writer, "CloudWatchLogsLogGroupArn", trail.CloudWatchLogsLogGroupArn);
        Optional(writer, "CloudWatchLogsRoleArn", trail.CloudWatchLogsRoleArn);
        Optional(writer, "KmsKeyId", trail.KmsKeyId);
        writer.WriteBoolean("IsOrganizationTrail", trail.IsOrganizationTrail);
    }

    /// <summary>The <c>Trail</c> structure (GetTrail, DescribeTrails).</summary>
    public static void WriteTrail(Utf8JsonWriter writer, Trail trail)
    {
        writer.WriteStartObject();
        writer.WriteString("Name", trail.Name);
        writer.WriteString("S3BucketName", trail.S3BucketName);
        Optional(writer, "S3KeyPrefix", trail.S3KeyPrefix);
        Optional(writer, "SnsTopicName", trail.SnsTopicName);
        Optional(writer, "SnsTopicARN", SnsTopics.ArnOf(trail));
        writer.WriteBoolean("IncludeGlobalServiceEvents", trail.IncludeGlobalServiceEvents);
        writer.WriteBoolean("IsMultiRegionTrail", trail.IsMultiRegionTrail);
        writer.WriteString("HomeRegion", trail.HomeRegion);
        writer.WriteString("TrailARN", trail.TrailArn);
        writer.WriteBoolean("LogFileValidationEnabled", trail.LogFileValidationEnabled);
        Optional(writer, "CloudWatchLogsLogGroupArn", trail.CloudWatchLogsLogGroupArn);
        Optional(writer, "CloudWatchLogsRoleArn", trail.CloudWatchLogsRoleArn);
        Optional(writer, "KmsKeyId", trail.KmsKeyId);
        writer.WriteBoolean("HasCustomEventSelectors", trail.HasCustomEventSelectors);
        writer.WriteBoolean("HasInsightSelectors", trail.InsightSelectors is { Count: > 0 });
        writer.WriteBoolean("IsOrganizationTrail", trail.IsOrganizationTrail);
        writer.WriteEndObject();
    }

    /// <summary>GetInsightSelectorsResponse / PutInsightSelectorsResponse members: the trail and its Insights types (none: an empty list).</summary>
    public static void WriteInsightSelectors(Utf8JsonWriter writer, Trail trail)
    {
        writer.WriteString("TrailARN", trail.TrailArn);
        writer.WriteStartArray("InsightSelectors");
        foreach (var selector in trail.InsightSelectors ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("InsightType", selector.InsightType);
            if (selector.EventCategories is { } categories)
            {
                writer.WriteStartArray("EventCategories");
                foreach (var category in categories)
                {
                    writer.WriteStringValue(category);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>GetEventSelectorsResponse / PutEventSelectorsResponse members: the kind of selectors the trail has.</summary>
    public static void WriteSelectors(Utf8JsonWriter writer, Trail trail)
    {
        writer.WriteString("TrailARN", trail.TrailArn);
        if (trail.AdvancedEventSelectors is { } advanced)
        {
            writer.WritePropertyName("AdvancedEventSelectors");
            JsonSerializer.Serialize(writer, advanced, TrailJsonContext.Default.IReadOnlyListAdvancedEventSelector);
        }
        else
        {
            writer.WritePropertyName("EventSelectors");
            JsonSerializer.Serialize(writer, trail.EventSelectors ?? EventSelector.Default, TrailJsonContext.Default.IReadOnlyListEventSelector);
        }
    }

    /// <summary>A <c>TagsList</c>: <c>[{"Key", "Value"}]</c>, <c>Value</c> left out for a key without value.</summary>
    public static void WriteTags(Utf8JsonWriter writer, IReadOnlyList<TrailTag> tags)
    {
        writer.WriteStartArray("TagsList");
        foreach (var tag in tags)
        {
            writer.WriteStartObject();
            writer.WriteString("Key", tag.Key);
            Optional(writer, "Value", tag.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>A timestamp as AWS JSON 1.1 answers it: epoch seconds, fractional to the millisecond.</summary>
    public static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset time) =>
        writer.WriteNumber(name, time.ToUnixTimeMilliseconds() / 1000d);

    private static void Optional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
