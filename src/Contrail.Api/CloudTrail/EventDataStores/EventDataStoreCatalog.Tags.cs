using Contrail.Api.CloudTrail.Channels;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Protocol;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>Tags of stores and channels, by ARN, for AddTags/RemoveTags/ListTags (which also serve trails).</summary>
internal sealed partial class EventDataStoreCatalog
{
    /// <summary>The tags of the store or channel whose ARN (in this account and region) is <paramref name="arn"/>; null when there is none.</summary>
    public IReadOnlyList<TrailTag>? FindTags(string arn)
    {
        lock (_lock)
        {
            return _stores.Values.FirstOrDefault(s => s.EventDataStoreArn == arn)?.Tags
                ?? _channels.Values.FirstOrDefault(c => c.ChannelArn == arn)?.Tags;
        }
    }

    /// <summary>
    /// Replaces the tags of the store or channel <paramref name="arn"/> with what <paramref name="change"/>
    /// makes of them, under the lock; an error from the change changes nothing. False when there is no such resource.
    /// </summary>
    public bool UpdateTags(string arn, Func<IReadOnlyList<TrailTag>, (List<TrailTag>? Tags, ApiError? Error)> change, out ApiError? error)
    {
        ArgumentNullException.ThrowIfNull(change);
        error = null;
        lock (_lock)
        {
            if (_stores.Values.FirstOrDefault(s => s.EventDataStoreArn == arn) is { } store)
            {
                (var tags, error) = change(store.Tags);
                if (error is null && tags is not null)
                {
                    Commit(new Dictionary<string, EventDataStore>(_stores, StringComparer.Ordinal) { [store.Id] = store with { Tags = tags } }, _channels);
                }

                return true;
            }

            if (_channels.Values.FirstOrDefault(c => c.ChannelArn == arn) is { } channel)
            {
                (var tags, error) = change(channel.Tags);
                if (error is null && tags is not null)
                {
                    Commit(_stores, new Dictionary<string, Channel>(_channels, StringComparer.Ordinal) { [channel.Id] = channel with { Tags = tags } });
                }

                return true;
            }

            return false;
        }
    }
}
