namespace Contrail.Events.Records;

/// <summary>A record ready for the journal: complete, validated, compact UTF-8 JSON.</summary>
/// <param name="EventId">The record's <c>eventID</c>.</param>
/// <param name="Json">The record as it will be stored and delivered.</param>
/// <param name="IdAssigned">True when Contrail created the id (UUIDv7); false when the producer supplied it.</param>
public sealed record NormalizedRecord(string EventId, byte[] Json, bool IdAssigned);
