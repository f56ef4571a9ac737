namespace Contrail.Store.History;

/// <summary>The eight lookup attributes of <c>LookupEvents</c> (spec §4.6).</summary>
public enum LookupAttributeKey
{
    EventId,
    EventName,
    ReadOnly,
    Username,
    ResourceType,
    ResourceName,
    EventSource,
    AccessKeyId,
}

/// <summary>A lookup: every attribute must match (AND); time bounds are inclusive microseconds.</summary>
public sealed record LookupRequest(
    IReadOnlyList<(LookupAttributeKey Key, string Value)> Attributes,
    long StartMicros,
    long EndMicros,
    bool InsightsOnly,
    int MaxResults,
    PageKey? After);

/// <summary>Where a page ended: results continue strictly after (older than) this key.</summary>
public readonly record struct PageKey(long EventTimeMicros, string EventId);

public sealed record LookupRow(
    string EventId,
    string? EventName,
    string? EventSource,
    bool? ReadOnly,
    string? Username,
    string? AccessKeyId,
    long EventTimeMicros,
    IReadOnlyList<EventResource> Resources,
    string RecordJson);

/// <summary>A page of results, newest first; <see cref="Next"/> is set when more may follow.</summary>
public sealed record LookupPage(IReadOnlyList<LookupRow> Rows, PageKey? Next);
