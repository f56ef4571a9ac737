using System.Buffers;
using System.Collections.Frozen;
using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Events.Records;
using Contrail.Store.History;

namespace Contrail.Api.CloudTrail.LookupEvents;

/// <summary>
/// <c>LookupEvents</c> (spec §4.6): event history of the last 90 days, newest first, management
/// and ActivityAuditLog events (or, with <c>EventCategory=insight</c>, Insights events only).
/// Beyond AWS, which accepts one lookup attribute, several attributes combine with AND.
/// </summary>
internal sealed class LookupEventsOperation(EventStore store, TimeProvider time) : IApiOperation
{
    /// <summary>How far back event history reaches.</summary>
    public static readonly TimeSpan HistoryWindow = TimeSpan.FromDays(90);

    private static readonly FrozenDictionary<string, LookupAttributeKey> Keys =
        Enum.GetValues<LookupAttributeKey>().ToFrozenDictionary(k => k.ToString(), StringComparer.Ordinal);

    private static readonly string KeyList = string.Join(", ", Enum.GetNames<LookupAttributeKey>());

    public string Name => "LookupEvents";

    public string EventSource => "cloudtrail.amazonaws.com";

    public bool ReadOnly => true;

    public bool Management => true;

    public Task<CallOutcome> InvokeAsync(ApiCall call, CancellationToken ct)
    {
        var (document, parseError) = JsonInput.Parse(call.Body);
        if (parseError is not null)
        {
            return Task.FromResult(CallOutcome.Fail(parseError));
        }

        using (document)
        {
            var root = document!.RootElement;
            var snapshot = root.Clone();
            Action<Utf8JsonWriter> parameters = w => JsonInput.WriteCamelCased(w, snapshot);
            var (request, error) = Parse(root);
            if (error is not null)
            {
                return Task.FromResult(CallOutcome.Fail(error, parameters));
            }

            var now = time.GetUtcNow();
            var earliest = now - HistoryWindow;
            var start = request!.Start is { } s && s > earliest ? s : earliest;
            var end = request.End ?? now;
            var digest = NextTokenCodec.Digest(request.Attributes, Seconds(request.Start), Seconds(request.End), request.Insights);
            PageKey? after = null;
            if (request.NextToken is not null)
            {
                if (!NextTokenCodec.TryDecode(request.NextToken, digest, out var key))
                {
                    return Task.FromResult(CallOutcome.Fail(new ApiError(ErrorCodes.InvalidNextToken,
                        "The NextToken is not valid, or was issued for a call with other parameters."), parameters));
                }

                after = key;
            }

            var page = store.Lookup(new LookupRequest(
                request.Attributes,
                EventTime.ToUnixMicros(start),
                EventTime.ToUnixMicros(end),
                request.Insights,
                request.MaxResults,
                after));

            return Task.FromResult(new CallOutcome
            {
                Body = WriteResponse(page, digest),
                RequestParameters = parameters,
            });
        }
    }

    private sealed record Request(
        IReadOnlyList<(LookupAttributeKey Key, string Value)> Attributes,
        DateTimeOffset? Start,
        DateTimeOffset? End,
        bool Insights,
        int MaxResults,
        string? NextToken);

    private static (Request?, ApiError?) Parse(JsonElement root)
    {
        var error = First(
            JsonInput.Array(root, "LookupAttributes", out var list),
            JsonInput.Timestamp(root, "StartTime", out var start),
            JsonInput.Timestamp(root, "EndTime", out var end),
            JsonInput.String(root, "EventCategory", out var category),
            JsonInput.Integer(root, "MaxResults", out var maxResults),
            JsonInput.String(root, "NextToken", out var nextToken));
        if (error is not null)
        {
            return (null, error);
        }

        if (maxResults is { } max && max is < 1 or > 50)
        {
            return (null, new ApiError(ErrorCodes.InvalidMaxResults, $"MaxResults must be between 1 and 50; got {max}."));
        }

        var insights = false;
        if (category is not null)
        {
            if (category != "insight")
            {
                return (null, new ApiError(ErrorCodes.InvalidEventCategory, $"EventCategory '{Clip(category)}' is not valid; the only value is 'insight'."));
            }

            insights = true;
        }

        if (start is { } s && end is { } e && s > e)
        {
            return (null, new ApiError(ErrorCodes.InvalidTimeRange, "The StartTime occurs after the EndTime."));
        }

        var attributes = new List<(LookupAttributeKey, string)>();
        if (list is { } items)
        {
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                index++;
                var (attribute, attributeError) = ParseAttribute(item, index, insights);
                if (attributeError is not null)
                {
                    return (null, attributeError);
                }

                attributes.Add(attribute);
            }
        }

        return (new Request(attributes, start, end, insights, maxResults ?? 50, nextToken), null);
    }

    private static ((LookupAttributeKey, string), ApiError?) ParseAttribute(JsonElement item, int index, bool insights)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (default, ApiError.Serialization($"LookupAttributes[{index}] must be an object with AttributeKey and AttributeValue."));
        }

        var error = First(JsonInput.String(item, "AttributeKey", out var keyText), JsonInput.String(item, "AttributeValue", out var value));
        if (error is not null)
        {
            return (default, error);
        }

        if (keyText is null)
        {
            return (default, new ApiError(ErrorCodes.InvalidLookupAttributes,
                $"1 validation error detected: Value null at 'lookupAttributes.{index}.member.attributeKey' failed to satisfy constraint: Member must not be null"));
        }

        if (!Keys.TryGetValue(keyText, out var key))
        {
            return (default, new ApiError(ErrorCodes.InvalidLookupAttributes,
                $"1 validation error detected: Value '{Clip(keyText)}' at 'lookupAttributes.{index}.member.attributeKey' failed to satisfy constraint: Member must satisfy enum value set: [{KeyList}]"));
        }

        if (value is null)
        {
            return (default, new ApiError(ErrorCodes.InvalidLookupAttributes,
                $"1 validation error detected: Value null at 'lookupAttributes.{index}.member.attributeValue' failed to satisfy constraint: Member must not be null"));
        }

        var weighted = WeightedLength(value);
        if (weighted is < 1 or > 2000)
        {
            return (default, new ApiError(ErrorCodes.InvalidLookupAttributes,
                $"1 validation error detected: Value at 'lookupAttributes.{index}.member.attributeValue' failed to satisfy constraint: Member must have length between 1 and 2000 (underscores, spaces, commas and newlines count twice)"));
        }

        if (insights && key is not (LookupAttributeKey.EventId or LookupAttributeKey.EventName or LookupAttributeKey.EventSource))
        {
            return (default, new ApiError(ErrorCodes.InvalidLookupAttributes,
                $"The lookup attribute {key} does not apply to Insights events; use EventId, EventName or EventSource."));
        }

        return ((key, value), null);
    }

    /// <summary>AttributeValue's length as AWS counts it: '_', ' ', ',' and '\n' count double (spec §4.6).</summary>
    private static int WeightedLength(string value)
    {
        var length = value.Length;
        foreach (var c in value)
        {
            if (c is '_' or ' ' or ',' or '\n')
            {
                length++;
            }
        }

        return length;
    }

    private static byte[] WriteResponse(LookupPage page, string digest)
    {
        var buffer = new ArrayBufferWriter<byte>(1024 + (page.Rows.Count * 1536));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Events");
            foreach (var row in page.Rows)
            {
                writer.WriteStartObject();
                writer.WriteString("EventId", row.EventId);
                WriteOptional(writer, "EventName", row.EventName);
                if (row.ReadOnly is { } readOnly)
                {
                    writer.WriteString("ReadOnly", readOnly ? "true" : "false");
                }

                WriteOptional(writer, "AccessKeyId", row.AccessKeyId);
                writer.WriteNumber("EventTime", row.EventTimeMicros / 1_000_000);
                WriteOptional(writer, "EventSource", row.EventSource);
                WriteOptional(writer, "Username", row.Username);
                writer.WriteStartArray("Resources");
                foreach (var resource in row.Resources)
                {
                    writer.WriteStartObject();
                    WriteOptional(writer, "ResourceType", resource.Type);
                    WriteOptional(writer, "ResourceName", resource.Name);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteString("CloudTrailEvent", row.RecordJson);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (page.Next is { } next)
            {
                writer.WriteString("NextToken", NextTokenCodec.Encode(next, digest));
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static ApiError? First(params ReadOnlySpan<ApiError?> errors)
    {
        foreach (var error in errors)
        {
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static long? Seconds(DateTimeOffset? value) => value?.ToUnixTimeSeconds();

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
