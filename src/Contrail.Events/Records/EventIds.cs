namespace Contrail.Events.Records;

/// <summary>
/// Event ids Contrail creates: UUIDv7 in CloudTrail's lower-case GUID form. Their time order lets
/// the event store's zone maps prune lookups by id (DESIGN.md, measured notes).
/// </summary>
public static class EventIds
{
    /// <summary>A new id whose time part is <paramref name="time"/>.</summary>
    public static string NewId(DateTimeOffset time) => Guid.CreateVersion7(time).ToString("D");

    /// <summary>True when <paramref name="id"/> is a GUID whose version nibble says 7.</summary>
    public static bool IsVersion7(string id) =>
        id.Length == 36 && Guid.TryParseExact(id, "D", out var guid) && guid.Version == 7;
}
