// TEMPORARY: stands in for the event store being built on branch `store`; deleted at merge.
namespace Contrail.Store.History;
public readonly record struct EventResource(string? Type, string? Name);
public sealed class IndexedEvent
{
    public required string EventId { get; init; }
    public required long EventTimeMicros { get; init; }
    public string? EventName { get; init; }
    public string? EventSource { get; init; }
    public bool? ReadOnly { get; init; }
    public string? Username { get; init; }
    public string? AccessKeyId { get; init; }
    public IReadOnlyList<EventResource> Resources { get; init; } = [];
    public required string EventCategory { get; init; }
    public bool IdIsForeign { get; init; }
    public required ReadOnlyMemory<byte> RecordJson { get; init; }
}
public enum LookupAttributeKey { EventId, EventName, ReadOnly, Username, ResourceType, ResourceName, EventSource, AccessKeyId }
public sealed record LookupRequest(IReadOnlyList<(LookupAttributeKey Key, string Value)> Attributes, long StartMicros, long EndMicros, bool InsightsOnly, int MaxResults, PageKey? After);
public readonly record struct PageKey(long EventTimeMicros, string EventId);
public sealed record LookupRow(string EventId, string? EventName, string? EventSource, bool? ReadOnly, string? Username, string? AccessKeyId, long EventTimeMicros, IReadOnlyList<EventResource> Resources, string RecordJson);
public sealed record LookupPage(IReadOnlyList<LookupRow> Rows, PageKey? Next);
public sealed class EventStoreOptions { }
public sealed class EventStore : IDisposable
{
    public static EventStore Open(string directory, EventStoreOptions? options = null) => throw new NotImplementedException();
    public long? GetCursor(string consumer) => throw new NotImplementedException();
    public int Append(IReadOnlyList<IndexedEvent> events, string consumer, long cursor) => throw new NotImplementedException();
    public LookupPage Lookup(LookupRequest request) => throw new NotImplementedException();
    public int DeleteOlderThan(long micros) => throw new NotImplementedException();
    public long Count() => throw new NotImplementedException();
    public void Dispose() { }
}
