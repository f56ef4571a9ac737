using System.Text.Json;
using Contrail.Api.CloudTrail.EventDataStores;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Channels;

/// <summary>
/// What every channel operation shares: the JSON 1.1 body, the self-audit record (the request,
/// camelCased, and the channel as resource), the lookup of a channel by ARN or id, and the reading of
/// <c>Destinations</c>.
/// </summary>
internal abstract class ChannelOperation(EventDataStoreCatalog catalog, ServiceIdentity identity) : CloudTrailOperation(ResourceType)
{
    public const string ResourceType = "AWS::CloudTrail::Channel";
    public const int MaxDestinations = 200;

    protected EventDataStoreCatalog Catalog => catalog;

    protected ServiceIdentity Identity => identity;

    /// <summary>
    /// Reads the required member <c>Channel</c> (an ARN or an id) and finds the created channel: a value that
    /// is neither is <c>ChannelARNInvalidException</c>, a channel not here <c>ChannelNotFoundException</c>.
    /// </summary>
    protected ApiError? FindChannel(JsonElement request, out Channel? channel)
    {
        channel = null;
        var error = TrailInput.RequiredString(request, "Channel", out var given);
        if (error is not null)
        {
            return error;
        }

        if (!LakeNames.TryResolve(given, LakeNames.ChannelKind, identity.Region, identity.AccountId, out _))
        {
            return ChannelErrors.InvalidArn(given);
        }

        channel = catalog.FindChannel(given);
        return channel is null ? ChannelErrors.Unknown(given) : null;
    }

    /// <summary>
    /// Reads <c>Destinations</c> (null when absent): 1 to <see cref="MaxDestinations"/> of
    /// <c>{Type: EVENT_DATA_STORE, Location: event data store ARN}</c>. <c>AWS_SERVICE</c> destinations
    /// belong to service-linked channels, which are not made here (<c>InvalidParameterException</c>).
    /// Whether each store exists is checked by the catalog, under its lock.
    /// </summary>
    protected static ApiError? ReadDestinations(JsonElement request, out List<ChannelDestination>? destinations)
    {
        destinations = null;
        var error = JsonInput.Array(request, "Destinations", out var list);
        if (error is not null || list is not { } items)
        {
            return error;
        }

        if (items.GetArrayLength() is < 1 or > MaxDestinations)
        {
            return TrailErrors.ListLength("Destinations", items.GetArrayLength(), 1, MaxDestinations);
        }

        var parsed = new List<ChannelDestination>(items.GetArrayLength());
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return ApiError.Serialization($"Destinations must be a list of objects; got {JsonInput.Kind(item)} in it.");
            }

            error = TrailInput.First(TrailInput.RequiredString(item, "Type", out var type), TrailInput.RequiredString(item, "Location", out var location));
            if (error is not null)
            {
                return error;
            }

            if (type is not (ChannelDestination.EventDataStoreType or "AWS_SERVICE"))
            {
                return ApiError.Validation($"1 validation error detected: Value '{type}' at 'destinations.member.type' failed to satisfy constraint: Member must satisfy enum value set: [EVENT_DATA_STORE, AWS_SERVICE]");
            }

            if (type != ChannelDestination.EventDataStoreType)
            {
                return EventDataStoreErrors.Parameter("Only EVENT_DATA_STORE destinations can be given: AWS_SERVICE destinations belong to service-linked channels.");
            }

            if (!location.StartsWith("arn:", StringComparison.Ordinal)
                || !LakeNames.TryResolve(location, LakeNames.EventDataStoreKind, "", "", out _))
            {
                return EventDataStoreErrors.InvalidArn(location);
            }

            if (!parsed.Exists(d => d.Location == location))
            {
                parsed.Add(new ChannelDestination(type, location));
            }
        }

        destinations = parsed;
        return null;
    }

    /// <summary>Writes <c>"Destinations": [{"Type", "Location"}]</c>.</summary>
    protected static void WriteDestinations(Utf8JsonWriter writer, IReadOnlyList<ChannelDestination> destinations)
    {
        writer.WriteStartArray("Destinations");
        foreach (var destination in destinations)
        {
            writer.WriteStartObject();
            writer.WriteString("Type", destination.Type);
            writer.WriteString("Location", destination.Location);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
