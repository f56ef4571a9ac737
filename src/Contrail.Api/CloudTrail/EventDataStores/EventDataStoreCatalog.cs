using System.Text.Json;
using Contrail.Api.CloudTrail.Channels;
using Contrail.Api.Protocol;
using Contrail.Api.Service;
using Contrail.Journal.Segments;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>
/// The Lake's control-plane state: event data stores and the channels that feed them. The one owner of
/// <c>DATA_DIR/config/event-data-stores.json</c>, loaded at start (a damaged file stops the start with
/// <see cref="InvalidDataException"/>) and rewritten atomically (<see cref="DiskSync.ReplaceFile"/>:
/// temp file, fsync, rename) on every change, before the change is visible. Thread-safe: one lock
/// serializes changes, so the rules that span stores and channels (a channel names only existing
/// stores; a store with a channel cannot be deleted; the quota of <see cref="CreateEventDataStoreOperation.MaxEventDataStores"/>)
/// hold under concurrent calls. Readers get immutable snapshots. A failed write throws and changes nothing.
/// </summary>
/// <remarks>
/// The surface for the query side: <see cref="Find"/> (id or ARN → store, with its selectors, status
/// and retention), <see cref="List"/>, and <see cref="Purged"/>, raised once for each store dropped after
/// its <see cref="PendingDeletionPeriod"/>; <see cref="FindChannel"/> gives a channel's destinations.
/// </remarks>
internal sealed partial class EventDataStoreCatalog
{
    /// <summary>How long a deleted store stays <c>PENDING_DELETION</c> (restorable) before it is dropped.</summary>
    public static readonly TimeSpan PendingDeletionPeriod = TimeSpan.FromDays(7);

    private readonly Lock _lock = new();
    private readonly string _path;
    private readonly ServiceIdentity _identity;
    private readonly TimeProvider _time;
    private Dictionary<string, EventDataStore> _stores;
    private Dictionary<string, Channel> _channels;

    public EventDataStoreCatalog(ContrailSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        _identity = settings.Identity;
        _time = time;
        var directory = Path.Combine(settings.DataDirectory, "config");
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _path = Path.Combine(directory, "event-data-stores.json");
        (_stores, _channels) = Load(_path);
    }

    /// <summary>
    /// Raised after a store pending deletion for <see cref="PendingDeletionPeriod"/> was dropped from the
    /// catalog (and the file), with the store as it was: the query side drops its events. Runs on the
    /// purging thread, outside the catalog lock; a handler that throws fails that purge pass.
    /// </summary>
    public event Action<EventDataStore>? Purged;

    /// <summary>The file the catalog persists to.</summary>
    public string FilePath => _path;

    /// <summary>Every store, pending deletion included, ordered by name (ordinal).</summary>
    public IReadOnlyList<EventDataStore> List()
    {
        lock (_lock)
        {
            return [.. _stores.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>
    /// The store named by <paramref name="idOrArn"/> (its id, or its ARN in this account and region);
    /// null when there is none. Never throws for a malformed argument.
    /// </summary>
    public EventDataStore? Find(string idOrArn)
    {
        ArgumentNullException.ThrowIfNull(idOrArn);
        if (!LakeNames.TryResolve(idOrArn, LakeNames.EventDataStoreKind, _identity.Region, _identity.AccountId, out var id) || id is null)
        {
            return null;
        }

        lock (_lock)
        {
            return _stores.GetValueOrDefault(id);
        }
    }

    /// <summary>
    /// Adds a store unless its name is taken or <paramref name="maxStores"/> stores not pending deletion
    /// exist; both are decided under the lock.
    /// </summary>
    public EventDataStoreAddOutcome Add(EventDataStore store, int maxStores)
    {
        ArgumentNullException.ThrowIfNull(store);
        lock (_lock)
        {
            if (_stores.Values.Any(s => s.Name == store.Name))
            {
                return EventDataStoreAddOutcome.NameTaken;
            }

            if (ActiveCount() >= maxStores)
            {
                return EventDataStoreAddOutcome.LimitReached;
            }

            Commit(new Dictionary<string, EventDataStore>(_stores, StringComparer.Ordinal) { [store.Id] = store }, _channels);
            return EventDataStoreAddOutcome.Done;
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to a store under the lock. The change answers the next store, or an
    /// error (nothing changes); returning the store it was given writes nothing. A new name that another
    /// store has is <c>EventDataStoreAlreadyExistsException</c>. (null, null) when there is no such store.
    /// Id, ARN and creation time cannot change; <c>UpdatedTimestamp</c> becomes now.
    /// </summary>
    public (EventDataStore? Store, ApiError? Error) Update(string id, Func<EventDataStore, (EventDataStore? Next, ApiError? Error)> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            if (!_stores.TryGetValue(id, out var current))
            {
                return (null, null);
            }

            var (next, error) = change(current);
            if (error is not null || next is null || ReferenceEquals(next, current))
            {
                return (current, error);
            }

            if (next.Name != current.Name && _stores.Values.Any(s => s.Name == next.Name))
            {
                return (current, EventDataStoreErrors.NameTaken(next.Name));
            }

            var updated = next with
            {
                Id = current.Id,
                EventDataStoreArn = current.EventDataStoreArn,
                CreatedTimestamp = current.CreatedTimestamp,
                UpdatedTimestamp = _time.GetUtcNow(),
            };
            Commit(new Dictionary<string, EventDataStore>(_stores, StringComparer.Ordinal) { [id] = updated }, _channels);
            return (updated, null);
        }
    }

    /// <summary>
    /// DeleteEventDataStore: moves the store to <c>PENDING_DELETION</c> unless termination protection is on,
    /// it is already pending deletion, or a channel sends events to it. (null, null) when there is no such store.
    /// </summary>
    public (EventDataStore? Store, ApiError? Error) Delete(string id)
    {
        lock (_lock)
        {
            if (!_stores.TryGetValue(id, out var current))
            {
                return (null, null);
            }

            if (current.Status == EventDataStoreStatus.PendingDeletion)
            {
                return (current, EventDataStoreErrors.Pending(current.EventDataStoreArn));
            }

            if (current.TerminationProtectionEnabled)
            {
                return (current, new ApiError(EventDataStoreErrors.TerminationProtected,
                    $"Event data store {current.EventDataStoreArn} cannot be deleted because termination protection is enabled."));
            }

            if (_channels.Values.FirstOrDefault(c => c.Destinations.Any(d => d.Location == current.EventDataStoreArn)) is { } channel)
            {
                return (current, new ApiError(EventDataStoreErrors.ChannelExistsForEds,
                    $"Event data store {current.EventDataStoreArn} cannot be deleted because channel {channel.ChannelArn} sends events to it."));
            }

            var now = _time.GetUtcNow();
            var deleted = current with
            {
                Status = EventDataStoreStatus.PendingDeletion,
                StatusBeforeDeletion = current.Status,
                DeletionTime = now,
                UpdatedTimestamp = now,
            };
            Commit(new Dictionary<string, EventDataStore>(_stores, StringComparer.Ordinal) { [id] = deleted }, _channels);
            return (deleted, null);
        }
    }

    /// <summary>
    /// RestoreEventDataStore: a store pending deletion returns to the status it had, unless
    /// <paramref name="maxStores"/> stores are active. (null, null) when there is no such store.
    /// </summary>
    public (EventDataStore? Store, ApiError? Error) Restore(string id, int maxStores)
    {
        lock (_lock)
        {
            if (!_stores.TryGetValue(id, out var current))
            {
                return (null, null);
            }

            if (current.Status != EventDataStoreStatus.PendingDeletion)
            {
                return (current, new ApiError(EventDataStoreErrors.InvalidStatus,
                    $"Event data store {current.EventDataStoreArn} is {current.Status}: only a store pending deletion can be restored."));
            }

            if (ActiveCount() >= maxStores)
            {
                return (current, EventDataStoreErrors.TooMany(maxStores));
            }

            var restored = current with
            {
                Status = current.StatusBeforeDeletion ?? EventDataStoreStatus.Enabled,
                StatusBeforeDeletion = null,
                DeletionTime = null,
                UpdatedTimestamp = _time.GetUtcNow(),
            };
            Commit(new Dictionary<string, EventDataStore>(_stores, StringComparer.Ordinal) { [id] = restored }, _channels);
            return (restored, null);
        }
    }

    /// <summary>
    /// Drops every store pending deletion for <see cref="PendingDeletionPeriod"/> or longer (by the injected
    /// clock), in one write, then raises <see cref="Purged"/> for each. Returns the stores dropped.
    /// </summary>
    public IReadOnlyList<EventDataStore> PurgeExpired()
    {
        List<EventDataStore> purged;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            purged = [.. _stores.Values.Where(s => s.DeletionTime is { } deleted && now - deleted >= PendingDeletionPeriod)];
            if (purged.Count == 0)
            {
                return [];
            }

            var next = new Dictionary<string, EventDataStore>(_stores, StringComparer.Ordinal);
            foreach (var store in purged)
            {
                next.Remove(store.Id);
            }

            Commit(next, _channels);
        }

        foreach (var store in purged)
        {
            Purged?.Invoke(store);
        }

        return purged;
    }

    // Caller holds _lock.
    private int ActiveCount() => _stores.Values.Count(s => s.Status != EventDataStoreStatus.PendingDeletion);

    // Caller holds _lock. The file is written first: if that throws, nothing in memory changes.
    private void Commit(Dictionary<string, EventDataStore> stores, Dictionary<string, Channel> channels)
    {
        var document = new EventDataStoresDocument(
            EventDataStoresDocument.CurrentVersion,
            [.. stores.Values.OrderBy(s => s.Name, StringComparer.Ordinal)],
            [.. channels.Values.OrderBy(c => c.Name, StringComparer.Ordinal)]);
        DiskSync.ReplaceFile(_path, JsonSerializer.SerializeToUtf8Bytes(document, EventDataStoreJsonContext.Default.EventDataStoresDocument));
        _stores = stores;
        _channels = channels;
    }

    private static (Dictionary<string, EventDataStore>, Dictionary<string, Channel>) Load(string path)
    {
        var stores = new Dictionary<string, EventDataStore>(StringComparer.Ordinal);
        var channels = new Dictionary<string, Channel>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return (stores, channels);
        }

        EventDataStoresDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(File.ReadAllBytes(path), EventDataStoreJsonContext.Default.EventDataStoresDocument);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The event data store catalog {path} is damaged ({e.Message}). It is never rewritten in place "
                + "of a damaged one: restore it from a backup, or move it away to start without event data stores and channels.", e);
        }

        if (document is null)
        {
            throw new InvalidDataException($"The event data store catalog {path} is empty (JSON null).");
        }

        if (document.Version != EventDataStoresDocument.CurrentVersion)
        {
            throw new InvalidDataException($"The event data store catalog {path} has version {document.Version}; this build reads version {EventDataStoresDocument.CurrentVersion}.");
        }

        foreach (var store in document.EventDataStores ?? throw new InvalidDataException($"The event data store catalog {path} has no EventDataStores list."))
        {
            if (!stores.TryAdd(store.Id, store))
            {
                throw new InvalidDataException($"The event data store catalog {path} holds the store id {store.Id} twice.");
            }
        }

        foreach (var channel in document.Channels ?? [])
        {
            if (!channels.TryAdd(channel.Id, channel))
            {
                throw new InvalidDataException($"The event data store catalog {path} holds the channel id {channel.Id} twice.");
            }
        }

        return (stores, channels);
    }
}
