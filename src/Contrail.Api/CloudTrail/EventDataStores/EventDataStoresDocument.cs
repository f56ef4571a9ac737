using Contrail.Api.CloudTrail.Channels;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>
/// The persisted form of the Lake catalog, <c>DATA_DIR/config/event-data-stores.json</c>
/// (docs/dev/event-data-stores.md): <code>{"Version": 1, "EventDataStores": [EventDataStore, …], "Channels": [Channel, …]}</code>
/// Channels live in the same file as the stores they point at, so that "a channel names only
/// existing stores" holds across one atomic write.
/// </summary>
internal sealed record EventDataStoresDocument(int Version, IReadOnlyList<EventDataStore> EventDataStores, IReadOnlyList<Channel>? Channels)
{
    public const int CurrentVersion = 1;
}
