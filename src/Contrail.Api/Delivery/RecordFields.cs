using System.Text.Json;
using System.Text.Unicode;

namespace Contrail.Api.Delivery;

/// <summary>The few top-level members of a record that delivery looks at, read without building a document.</summary>
internal readonly record struct DeliveryFields(string? EventCategory, string? AwsRegion, string? EventName, string? EventSource, string? ErrorCode, string? RequestName)
{
    /// <summary>Reads <c>eventCategory</c>, <c>awsRegion</c>, <c>eventName</c>, <c>eventSource</c>, <c>errorCode</c> and <c>requestParameters.name</c>.</summary>
    public static DeliveryFields Read(ReadOnlySpan<byte> json)
    {
        string? category = null, region = null, name = null, source = null, error = null, requestName = null;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return default;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("eventCategory"u8))
            {
                category = StringValue(ref reader);
            }
            else if (reader.ValueTextEquals("awsRegion"u8))
            {
                region = StringValue(ref reader);
            }
            else if (reader.ValueTextEquals("eventName"u8))
            {
                name = StringValue(ref reader);
            }
            else if (reader.ValueTextEquals("eventSource"u8))
            {
                source = StringValue(ref reader);
            }
            else if (reader.ValueTextEquals("errorCode"u8))
            {
                error = StringValue(ref reader);
            }
            else if (reader.ValueTextEquals("requestParameters"u8))
            {
                requestName = NameMember(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new DeliveryFields(category, region, name, source, error, requestName);
    }

    /// <summary>
    /// Only <c>awsRegion</c> and <c>eventSource</c> (what decides a record's region folder), stopping as
    /// soon as both are found: in CloudTrail's member order they come before the large request and
    /// response members, which are then never scanned.
    /// </summary>
    public static (string? AwsRegion, string? EventSource) ReadRegion(ReadOnlySpan<byte> json)
    {
        string? region = null, source = null;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return default;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("awsRegion"u8))
            {
                region = StringValue(ref reader);
            }
            else if (reader.ValueTextEquals("eventSource"u8))
            {
                source = StringValue(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            if (region is not null && source is not null)
            {
                break;
            }
        }

        return (region, source);
    }

    /// <summary>
    /// What <see cref="ReadRegion"/> reads, as delivery routes a record, without a string per record:
    /// <c>awsRegion</c>'s text (from <paramref name="texts"/> when seen before) and whether
    /// <c>eventSource</c> is one of <see cref="GlobalServiceSources"/>. Stops where ReadRegion stops, so
    /// both give the same answers for every record (and throw alike).
    /// </summary>
    public static (string? AwsRegion, bool GlobalSource) ReadRoute(ReadOnlySpan<byte> json, TextCache texts)
    {
        string? region = null;
        bool sourceFound = false, global = false;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return default;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("awsRegion"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    region = texts.Get(ref reader);
                }
                else
                {
                    reader.Skip();
                    region = null;
                }
            }
            else if (reader.ValueTextEquals("eventSource"u8))
            {
                reader.Read();
                sourceFound = reader.TokenType == JsonTokenType.String;
                global = sourceFound && IsGlobalServiceSource(ref reader);
                if (!sourceFound)
                {
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            if (region is not null && sourceFound)
            {
                break;
            }
        }

        return (region, global);
    }

    /// <summary>
    /// The services CloudTrail treats as global: their events are recorded in us-east-1 and go to
    /// every trail that includes global service events, and to no other.
    /// </summary>
    public static IReadOnlySet<string> GlobalServiceSources { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "iam.amazonaws.com", "sts.amazonaws.com", "cloudfront.amazonaws.com", "signin.amazonaws.com",
    };

    private static bool IsGlobalServiceSource(ref Utf8JsonReader reader)
    {
        var value = reader.ValueSpan;
        if (reader.ValueIsEscaped || reader.HasValueSequence || !Utf8.IsValid(value))
        {
            // Read as ReadRegion reads it (GetString throws on invalid UTF-8).
            return GlobalServiceSources.Contains(reader.GetString()!);
        }

        return value.SequenceEqual("iam.amazonaws.com"u8) || value.SequenceEqual("sts.amazonaws.com"u8)
            || value.SequenceEqual("cloudfront.amazonaws.com"u8) || value.SequenceEqual("signin.amazonaws.com"u8);
    }

    /// <summary>Moves to the value; a string's text, else null (an object or array is skipped).</summary>
    private static string? StringValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    /// <summary>Moves past the value; when it is an object, the string of its top-level <c>name</c> member.</summary>
    private static string? NameMember(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? name = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                name = StringValue(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return name;
    }
}
