using Contrail.Journal.Recovery;
using Contrail.Journal.Segments;
using Microsoft.Extensions.Logging;

namespace Contrail.Journal;

/// <summary>Recovery on open, and the operator's explicit repair.</summary>
public sealed partial class Journal
{
    /// <summary>
    /// Truncates the journal at its first damaged record and deletes every later segment, so that
    /// <see cref="Open"/> succeeds with the intact prefix. Run only with the service stopped, after
    /// backing up the directory: records after the damage are dropped (the report counts them).
    /// </summary>
    public static JournalRepairReport Repair(JournalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var segments = SegmentFile.List(options.Directory);
        if (segments.Count == 0)
        {
            return new JournalRepairReport { EndPosition = 0 };
        }

        var expectedBase = segments[0].BasePosition;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment.BasePosition != expectedBase)
            {
                // A gap or overlap between segments: everything from this segment on goes.
                return DropFrom(options.Directory, segments, i, segment, 0, expectedBase, bytesDropped: 0, recordsDropped: 0);
            }

            var scan = SegmentScanner.Scan(segment);
            if (!scan.IsClean)
            {
                var badOffset = scan.BadOffset!.Value;
                var recordsDropped = SegmentScanner.CountValidRecords(segment, badOffset);
                segment.Truncate(badOffset);
                return DropFrom(options.Directory, segments, i + 1, segment, badOffset, segment.BasePosition + badOffset,
                    scan.FileLength - badOffset, recordsDropped);
            }

            expectedBase = segment.BasePosition + scan.ValidEnd;
        }

        return new JournalRepairReport { EndPosition = expectedBase };
    }

    private static JournalRepairReport DropFrom(string directory, List<SegmentFile> segments, int firstDeleted,
        SegmentFile damaged, long offset, long endPosition, long bytesDropped, long recordsDropped)
    {
        var deleted = 0;
        for (var i = firstDeleted; i < segments.Count; i++)
        {
            bytesDropped += new FileInfo(segments[i].Path).Length;
            recordsDropped += SegmentScanner.CountValidRecords(segments[i], 0);
            File.Delete(segments[i].Path);
            deleted++;
        }

        DiskSync.Directory(directory);
        return new JournalRepairReport
        {
            Repaired = true,
            SegmentPath = damaged.Path,
            Offset = offset,
            BytesDropped = bytesDropped,
            RecordsDropped = recordsDropped,
            SegmentsDeleted = deleted,
            EndPosition = endPosition,
        };
    }

    /// <summary>
    /// Verifies every segment in order. Damage in the last segment with no valid record after it
    /// is a torn tail (an interrupted, never-acknowledged write): truncated and reported. Any
    /// other damage throws <see cref="JournalCorruptedException"/>; nothing is skipped.
    /// Why this is safe: the writer fsyncs each commit before writing the next, and fsyncs a
    /// segment before creating its successor, so un-fsync'd bytes can only be the tail of the
    /// last segment. A process crash leaves a prefix of that tail; a power cut may leave holes
    /// in it (pages written back out of order), which then show as corruption: Repair is safe in
    /// that case, since the first bad record lies in the unacknowledged tail.
    /// </summary>
    private static (List<SegmentFile> Segments, JournalRecoveryReport Report) Recover(string directory, ILogger logger)
    {
        var segments = SegmentFile.List(directory);
        if (segments.Count == 0)
        {
            var first = SegmentFile.For(directory, 0);
            CreateSegmentFile(directory, first).Dispose();
            segments.Add(first);
            return (segments, new JournalRecoveryReport { SegmentsScanned = 0 });
        }

        var expectedBase = segments[0].BasePosition;
        long records = 0;
        (string Path, long Offset, long Bytes)? torn = null;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var isLast = i == segments.Count - 1;
            if (segment.BasePosition != expectedBase)
            {
                throw new JournalCorruptedException(segment.Path, 0,
                    $"the segment starts at position {segment.BasePosition} but the previous one ends at {expectedBase}");
            }

            var scan = SegmentScanner.Scan(segment);
            records += scan.Records;
            if (!scan.IsClean)
            {
                var badOffset = scan.BadOffset!.Value;
                if (!isLast)
                {
                    throw new JournalCorruptedException(segment.Path, badOffset, $"{scan.Reason} in a segment that is not the last one");
                }

                var validAfter = SegmentScanner.FindValidRecordAfter(segment, badOffset);
                if (validAfter is not null)
                {
                    throw new JournalCorruptedException(segment.Path, badOffset,
                        $"{scan.Reason}, and a valid record follows at offset {validAfter}, so this is not a torn write");
                }

                segment.Truncate(badOffset);
                var dropped = scan.FileLength - badOffset;
                Log.TornTailTruncated(logger, segment.FileName, badOffset, dropped);
                torn = (segment.Path, badOffset, dropped);
            }

            expectedBase = segment.BasePosition + scan.ValidEnd;
        }

        return (segments, new JournalRecoveryReport
        {
            SegmentsScanned = segments.Count,
            RecordsScanned = records,
            StartPosition = segments[0].BasePosition,
            EndPosition = expectedBase,
            TornTailTruncated = torn is not null,
            TruncatedSegmentPath = torn?.Path,
            TruncatedAtOffset = torn?.Offset ?? 0,
            BytesDropped = torn?.Bytes ?? 0,
        });
    }
}
