namespace Contrail.Journal;

/// <summary>
/// A journal segment holds a damaged record that is not a torn tail (valid records follow it, or
/// it is in an older segment). The journal refuses to open rather than skip records; an operator
/// decides to run <see cref="Journal.Repair"/>, which drops everything from the damage on.
/// </summary>
public sealed class JournalCorruptedException : Exception
{
    public JournalCorruptedException(string segmentPath, long offset, string reason)
        : base($"Journal segment {Path.GetFileName(segmentPath)} is corrupt at offset {offset}: {reason}. "
            + "Records are not skipped silently. Stop the service, back up the journal directory "
            + $"({Path.GetDirectoryName(segmentPath)}), then run a repair (Journal.Repair) to truncate the journal "
            + "at the damaged record; records from that point on are dropped.")
    {
        SegmentPath = segmentPath;
        Offset = offset;
    }

    /// <summary>Full path of the damaged segment file.</summary>
    public string SegmentPath { get; }

    /// <summary>Byte offset of the damaged record within the segment file.</summary>
    public long Offset { get; }
}
