namespace Contrail.Store.History;

/// <summary>A resource an event names (<c>resources[]</c> of the record).</summary>
public readonly record struct EventResource(string? Type, string? Name);

/// <summary>One event as the indexer hands it to the store: the lookup fields and the record itself.</summary>
public sealed class IndexedEvent
{
    public required string EventId { get; init; }

    /// <summary>eventTime in microseconds since the Unix epoch (UTC).</summary>
    public required long EventTimeMicros { get; init; }

    public string? EventName { get; init; }

    public string? EventSource { get; init; }

    public bool? ReadOnly { get; init; }

    public string? Username { get; init; }

    public string? AccessKeyId { get; init; }

    public IReadOnlyList<EventResource> Resources { get; init; } = [];

    /// <summary>eventCategory of the record: Management, Data, NetworkActivity, Insight or ActivityAuditLog.</summary>
    public required string EventCategory { get; init; }

    /// <summary>True when the producer chose the eventID (native ingestion); such ids may repeat on a retry and are deduplicated.</summary>
    public bool IdIsForeign { get; init; }

    /// <summary>The normalized CloudTrail record, UTF-8 JSON.</summary>
    public required ReadOnlyMemory<byte> RecordJson { get; init; }
}
