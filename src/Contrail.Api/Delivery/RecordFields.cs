using System.Text;
using System.Text.Json;

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
            var property = reader.ValueSpan;
            var escaped = reader.ValueIsEscaped;
            var key = escaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : property.ToArray();
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                var value = reader.GetString();
                switch (Encoding.UTF8.GetString(key))
                {
                    case "eventCategory": category = value; break;
                    case "awsRegion": region = value; break;
                    case "eventName": name = value; break;
                    case "eventSource": source = value; break;
                    case "errorCode": error = value; break;
                    default: break;
                }
            }
            else if (reader.TokenType == JsonTokenType.StartObject && key.AsSpan().SequenceEqual("requestParameters"u8))
            {
                var depth = reader.CurrentDepth;
                while (reader.Read() && reader.CurrentDepth > depth)
                {
                    if (reader.CurrentDepth == depth + 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("name"u8))
                    {
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            requestName = reader.GetString();
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                    else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        reader.Skip();
                    }
                }
            }
            else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }

        return new DeliveryFields(category, region, name, source, error, requestName);
    }
}
