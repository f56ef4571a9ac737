using System.Globalization;

namespace Contrail.Journal;

/// <summary>What <see cref="Journal.Repair"/> cut off the journal.</summary>
public sealed class JournalRepairReport
{
    /// <summary>True when damage was found and the journal was truncated.</summary>
    public bool Repaired { get; init; }

    /// <summary>Segment where the first damaged record was found, if any.</summary>
    public string? SegmentPath { get; init; }

    /// <summary>Offset of the first damaged record within <see cref="SegmentPath"/>.</summary>
    public long Offset { get; init; }

    /// <summary>Total bytes removed (the truncated tail plus deleted later segments).</summary>
    public long BytesDropped { get; init; }

    /// <summary>Valid records found in the removed bytes (the damaged record itself not counted).</summary>
    public long RecordsDropped { get; init; }

    /// <summary>Later segment files deleted.</summary>
    public int SegmentsDeleted { get; init; }

    /// <summary>Position after the last record kept.</summary>
    public long EndPosition { get; init; }

    /// <inheritdoc />
    public override string ToString() => Repaired
        ? string.Create(CultureInfo.InvariantCulture,
            $"Journal repaired: truncated {Path.GetFileName(SegmentPath)} at offset {Offset}, deleted {SegmentsDeleted} later segment(s), dropped {BytesDropped} byte(s) holding {RecordsDropped} valid record(s); journal now ends at {EndPosition}")
        : string.Create(CultureInfo.InvariantCulture, $"Journal intact: nothing to repair; journal ends at {EndPosition}");
}
