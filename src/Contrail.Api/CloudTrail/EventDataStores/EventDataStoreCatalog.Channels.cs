using Contrail.Api.CloudTrail.Channels;
using Contrail.Api.Protocol;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>The channels of the catalog: kept with the stores so that their destinations are checked under the same lock.</summary>
internal sealed partial class EventDataStoreCatalog
{
    /// <summary>Every created channel, ordered by name (ordinal).</summary>
    public IReadOnlyList<Channel> ListChannels()
    {
        lock (_lock)
        {
            return [.. _channels.Values.OrderBy(c => c.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>The created channel named by its id or its ARN in this account and region; null when none.</summary>
    public Channel? FindChannel(string idOrArn)
    {
        ArgumentNullException.ThrowIfNull(idOrArn);
        if (!LakeNames.TryResolve(idOrArn, LakeNames.ChannelKind, _identity.Region, _identity.AccountId, out var id) || id is null)
        {
            return null;
        }

        lock (_lock)
        {
            return _channels.GetValueOrDefault(id);
        }
    }

    /// <summary>
    /// Adds a channel unless its name is taken, <paramref name="maxChannels"/> exist, or a destination is
    /// not an event data store here that is active and takes <c>ActivityAuditLog</c> events.
    /// </summary>
    public ApiError? AddChannel(Channel channel, int maxChannels)
    {
        ArgumentNullException.ThrowIfNull(channel);
        lock (_lock)
        {
            if (_channels.Values.Any(c => c.Name == channel.Name))
            {
                return ChannelErrors.NameTaken(channel.Name);
            }

            if (_channels.Count >= maxChannels)
            {
                return ChannelErrors.TooMany(maxChannels);
            }

            if (CheckDestinations(channel.Destinations) is { } error)
            {
                return error;
            }

            Commit(_stores, new Dictionary<string, Channel>(_channels, StringComparer.Ordinal) { [channel.Id] = channel });
            return null;
        }
    }

    /// <summary>
    /// UpdateChannel: a new name (unique) and/or new destinations (checked as in <see cref="AddChannel"/>).
    /// (null, null) when there is no such channel.
    /// </summary>
    public (Channel? Channel, ApiError? Error) UpdateChannel(string id, string? name, IReadOnlyList<ChannelDestination>? destinations)
    {
        lock (_lock)
        {
            if (!_channels.TryGetValue(id, out var current))
            {
                return (null, null);
            }

            if (name is not null && name != current.Name && _channels.Values.Any(c => c.Name == name))
            {
                return (current, ChannelErrors.NameTaken(name));
            }

            if (destinations is not null && CheckDestinations(destinations) is { } error)
            {
                return (current, error);
            }

            var updated = current with { Name = name ?? current.Name, Destinations = destinations ?? current.Destinations };
            if (updated == current)
            {
                return (current, null);
            }

            Commit(_stores, new Dictionary<string, Channel>(_channels, StringComparer.Ordinal) { [id] = updated });
            return (updated, null);
        }
    }

    /// <summary>Removes a channel; false when there is no such channel.</summary>
    public bool RemoveChannel(string id)
    {
        lock (_lock)
        {
            if (!_channels.ContainsKey(id))
            {
                return false;
            }

            var next = new Dictionary<string, Channel>(_channels, StringComparer.Ordinal);
            next.Remove(id);
            Commit(_stores, next);
            return true;
        }
    }

    // Caller holds _lock. Locations were checked to be event data store ARNs by the operation.
    private ApiError? CheckDestinations(IReadOnlyList<ChannelDestination> destinations)
    {
        foreach (var destination in destinations)
        {
            var store = _stores.Values.FirstOrDefault(s => s.EventDataStoreArn == destination.Location);
            if (store is null)
            {
                return EventDataStoreErrors.Unknown(destination.Location);
            }

            if (store.Status == EventDataStoreStatus.PendingDeletion)
            {
                return EventDataStoreErrors.Pending(store.EventDataStoreArn);
            }

            if (!store.TakesActivityAuditLog)
            {
                return new ApiError(EventDataStoreErrors.InvalidCategory,
                    $"Event data store {store.EventDataStoreArn} does not take events from channels: its advanced event selectors need eventCategory Equals ActivityAuditLog.");
            }
        }

        return null;
    }
}
