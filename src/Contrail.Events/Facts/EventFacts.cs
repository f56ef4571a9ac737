using System.Text.Json;
using Contrail.Events.Records;

namespace Contrail.Events.Facts;

/// <summary>A resource named by a record: <c>resources[].type</c> and its ARN (or ARN prefix).</summary>
public readonly record struct ResourceFact(string? Type, string? Name);

/// <summary>
/// The fields of a record that event history filters and shows (LookupEvents, spec §4.6),
/// read from the record's JSON. For ActivityAuditLog records (PutAuditEvents, spec §5) they come
/// from <c>eventData</c>: its eventSource, eventName and <c>userIdentity.principalId</c> as the user.
/// </summary>
public sealed class EventFacts
{
    public required string EventId { get; init; }

    /// <summary>eventTime as Unix epoch microseconds, UTC.</summary>
    public required long EventTimeMicros { get; init; }

    public string? EventName { get; init; }

    public string? EventSource { get; init; }

    public bool? ReadOnly { get; init; }

    public string? Username { get; init; }

    public string? AccessKeyId { get; init; }

    public IReadOnlyList<ResourceFact> Resources { get; init; } = [];

    public required string EventCategory { get; init; }

    /// <summary>Reads the facts of a normalized record; throws <see cref="JsonException"/> or
    /// <see cref="FormatException"/> on a record that did not pass <see cref="RecordNormalizer"/>.</summary>
    public static EventFacts Extract(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var category = String(root, "eventCategory") ?? "Management";
        if (!EventTime.TryParse(String(root, "eventTime"), out var time))
        {
            throw new FormatException("The record has no valid eventTime.");
        }

        var id = String(root, "eventID") ?? throw new FormatException("The record has no eventID.");
        if (category == "ActivityAuditLog" && root.TryGetProperty("eventData", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            return new EventFacts
            {
                EventId = id,
                EventTimeMicros = EventTime.ToUnixMicros(time),
                EventName = String(data, "eventName"),
                EventSource = String(data, "eventSource"),
                Username = data.TryGetProperty("userIdentity", out var producer) ? String(producer, "principalId") : null,
                EventCategory = category,
            };
        }

        if (category == "Insight" && root.TryGetProperty("insightDetails", out var details) && details.ValueKind == JsonValueKind.Object)
        {
            // An Insights record names the API it is about in insightDetails (spec §7); event history looks it up by those.
            return new EventFacts
            {
                EventId = id,
                EventTimeMicros = EventTime.ToUnixMicros(time),
                EventName = String(details, "eventName"),
                EventSource = String(details, "eventSource"),
                EventCategory = category,
            };
        }

        bool? readOnly = root.TryGetProperty("readOnly", out var ro) && ro.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? ro.GetBoolean()
            : null;
        var identity = root.TryGetProperty("userIdentity", out var ui) && ui.ValueKind == JsonValueKind.Object ? ui : default;
        return new EventFacts
        {
            EventId = id,
            EventTimeMicros = EventTime.ToUnixMicros(time),
            EventName = String(root, "eventName"),
            EventSource = String(root, "eventSource"),
            ReadOnly = readOnly,
            Username = identity.ValueKind == JsonValueKind.Object ? UsernameOf(identity) : null,
            AccessKeyId = identity.ValueKind == JsonValueKind.Object ? NonEmpty(String(identity, "accessKeyId")) : null,
            Resources = ResourcesOf(root),
            EventCategory = category,
        };
    }

    /// <summary>
    /// The user name event history shows: the IAM user name; "root" for the root user; the session
    /// name for assumed roles and federated users; the calling service for AWS services.
    /// </summary>
    internal static string? UsernameOf(JsonElement identity)
    {
        var type = String(identity, "type");
        var userName = NonEmpty(String(identity, "userName"));
        switch (type)
        {
            case "Root":
                return userName ?? "root";
            case "AssumedRole":
            case "FederatedUser":
            case "WebIdentityUser":
            case "SAMLUser":
                var arn = String(identity, "arn");
                var slash = arn?.LastIndexOf('/') ?? -1;
                if (slash >= 0 && slash < arn!.Length - 1)
                {
                    return arn[(slash + 1)..];
                }

                var principal = String(identity, "principalId");
                var colon = principal?.IndexOf(':') ?? -1;
                return colon >= 0 ? principal![(colon + 1)..] : userName ?? principal;
            case "AWSService":
                return NonEmpty(String(identity, "invokedBy")) ?? userName;
            default:
                return userName
                    ?? (identity.TryGetProperty("onBehalfOf", out var behalf) && behalf.ValueKind == JsonValueKind.Object ? String(behalf, "userId") : null)
                    ?? NonEmpty(String(identity, "principalId"));
        }
    }

    private static ResourceFact[] ResourcesOf(JsonElement root)
    {
        if (!root.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var facts = new ResourceFact[resources.GetArrayLength()];
        var i = 0;
        foreach (var resource in resources.EnumerateArray())
        {
            facts[i++] = resource.ValueKind == JsonValueKind.Object
                ? new ResourceFact(String(resource, "type"), String(resource, "ARN") ?? String(resource, "ARNPrefix"))
                : default;
        }

        return facts;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
