namespace Contrail.Journal;

/// <summary>Where the journal lives and how large its segment files grow.</summary>
public sealed class JournalOptions
{
    /// <summary>The journal directory; created (owner-only) if missing. Holds only journal files.</summary>
    public required string Directory { get; init; }

    /// <summary>
    /// Size in bytes past which the writer starts a new segment file (default 64 MiB). A segment
    /// can exceed it by at most one append batch, since records never span segments.
    /// </summary>
    public long SegmentBytes { get; init; } = 64 << 20;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(SegmentBytes, 1);
    }
}
