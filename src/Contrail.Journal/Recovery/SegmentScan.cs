namespace Contrail.Journal.Recovery;

/// <summary>
/// Result of reading a segment's records in order: where the valid prefix ends, how many records
/// it holds, and, when a record failed to verify, its offset and why.
/// </summary>
internal readonly record struct SegmentScan(long FileLength, long ValidEnd, long Records, long? BadOffset, string? Reason)
{
    public bool IsClean => BadOffset is null;
}
