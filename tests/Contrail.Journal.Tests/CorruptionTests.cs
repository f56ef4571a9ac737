using Contrail.Journal.Tests.Support;

namespace Contrail.Journal.Tests;

public sealed class CorruptionTests
{
    [Fact]
    public async Task Open_FlippedByteWithValidRecordsAfter_ThrowsCorruptionAndRepairKeepsPrefix()
    {
        using var dir = new TestDirectory();
        List<long> ends;
        await using (var journal = dir.OpenJournal())
        {
            ends = await journal.AppendEachAsync([0, 1, 2, 3, 4], 600);
        }

        // Flip a byte in the middle of record 2's payload.
        FlipByte(dir.Segment(0), ends[1] + 12 + 300);

        var error = Should.Throw<JournalCorruptedException>(() => dir.OpenJournal());
        error.Message.ShouldContain("00000000000000000000.seg");
        error.Message.ShouldContain("corrupt");
        error.Message.ShouldContain("repair");
        error.SegmentPath.ShouldBe(dir.Segment(0));
        error.Offset.ShouldBe(ends[1]);

        var repair = Journal.Repair(new JournalOptions { Directory = dir.Path });
        repair.Repaired.ShouldBeTrue();
        repair.Offset.ShouldBe(ends[1]);
        repair.RecordsDropped.ShouldBe(2);
        repair.BytesDropped.ShouldBe(ends[4] - ends[1]);
        repair.ToString().ShouldContain("truncated");

        await using (var repaired = dir.OpenJournal())
        {
            repaired.Recovery.TornTailTruncated.ShouldBeFalse();
            repaired.ReadAll().Select(r => Payloads.IdOf(r.Payload)).ShouldBe([0L, 1L]);
            await repaired.AppendAsync([Payloads.Make(9, 100)]);
        }

        Journal.Repair(new JournalOptions { Directory = dir.Path }).Repaired.ShouldBeFalse();
    }

    [Fact]
    public async Task Open_DamageInOlderSegment_ThrowsCorruptionAndRepairDeletesLaterSegments()
    {
        using var dir = new TestDirectory();
        await using (var journal = dir.OpenJournal(segmentBytes: 2048))
        {
            await journal.AppendEachAsync(Enumerable.Range(0, 12).Select(i => (long)i), 500);
        }

        var segments = dir.SegmentFiles();
        segments.Length.ShouldBeGreaterThan(2);
        // Damage the LAST byte of the first segment: nothing valid follows inside that segment,
        // but a newer segment exists, so it cannot be a torn write.
        FlipByte(segments[0], new FileInfo(segments[0]).Length - 1);

        var error = Should.Throw<JournalCorruptedException>(() => dir.OpenJournal(segmentBytes: 2048));
        error.Message.ShouldContain(Path.GetFileName(segments[0]));
        error.Message.ShouldContain("corrupt");

        var repair = Journal.Repair(new JournalOptions { Directory = dir.Path, SegmentBytes = 2048 });
        repair.SegmentsDeleted.ShouldBe(segments.Length - 1);
        dir.SegmentFiles().Length.ShouldBe(1);
        await using var repaired = dir.OpenJournal(segmentBytes: 2048);
        repaired.ReadAll().Select(r => Payloads.IdOf(r.Payload)).ShouldBe(Enumerable.Range(0, 3).Select(i => (long)i));
    }

    private static void FlipByte(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open);
        stream.Position = offset;
        var value = stream.ReadByte();
        stream.Position = offset;
        stream.WriteByte((byte)(value ^ 0x5A));
    }
}
