using System.Globalization;

namespace Contrail.Journal;

/// <summary>What <see cref="Journal.Open"/> found while recovering the journal directory.</summary>
public sealed class JournalRecoveryReport
{
    /// <summary>Number of segment files scanned.</summary>
    public int SegmentsScanned { get; init; }

    /// <summary>Number of valid records found in all segments.</summary>
    public long RecordsScanned { get; init; }

    /// <summary>Position of the first segment kept (0 for a new journal).</summary>
    public long StartPosition { get; init; }

    /// <summary>Position after the last valid record: where the next append goes.</summary>
    public long EndPosition { get; init; }

    /// <summary>True when a torn tail (an interrupted write) was cut off the last segment.</summary>
    public bool TornTailTruncated { get; init; }

    /// <summary>Path of the segment that was truncated, if any.</summary>
    public string? TruncatedSegmentPath { get; init; }

    /// <summary>Offset within the truncated segment where the torn tail began.</summary>
    public long TruncatedAtOffset { get; init; }

    /// <summary>Bytes cut off the truncated segment.</summary>
    public long BytesDropped { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Journal recovered: {SegmentsScanned} segment(s), {RecordsScanned} record(s), positions {StartPosition}..{EndPosition}");
        return TornTailTruncated
            ? string.Create(CultureInfo.InvariantCulture,
                $"{summary}; torn tail truncated in {Path.GetFileName(TruncatedSegmentPath)} at offset {TruncatedAtOffset} ({BytesDropped} byte(s) dropped)")
            : summary + "; no torn tail";
    }
}
