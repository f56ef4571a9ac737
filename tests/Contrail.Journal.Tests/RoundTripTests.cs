using Contrail.Journal.Tests.Support;

namespace Contrail.Journal.Tests;

public sealed class RoundTripTests
{
    [Fact]
    public async Task AppendAsync_AcrossSegments_ReadsBackInOrderAndAfterReopen()
    {
        using var dir = new TestDirectory();
        var expected = new List<(long Id, long End)>();
        await using (var journal = dir.OpenJournal(segmentBytes: 8 << 10))
        {
            journal.Recovery.RecordsScanned.ShouldBe(0);
            for (var id = 0; id < 60; id++)
            {
                var end = await journal.AppendAsync([Payloads.Make(id, 300 + (id * 97 % 2000))]);
                expected.Add((id, end));
            }

            journal.CommittedPosition.ShouldBe(expected[^1].End);
            Check(journal.ReadAll(), expected);
        }

        dir.SegmentFiles().Length.ShouldBeGreaterThan(3);
        foreach (var file in dir.SegmentFiles())
        {
            var name = Path.GetFileNameWithoutExtension(file);
            name.Length.ShouldBe(20);
        }

        await using (var reopened = dir.OpenJournal(segmentBytes: 8 << 10))
        {
            reopened.Recovery.TornTailTruncated.ShouldBeFalse();
            reopened.Recovery.RecordsScanned.ShouldBe(60);
            reopened.CommittedPosition.ShouldBe(expected[^1].End);
            Check(reopened.ReadAll(), expected);
        }
    }

    [Fact]
    public async Task AppendAsync_Batch_ReturnsPositionAfterLastRecord()
    {
        using var dir = new TestDirectory();
        await using var journal = dir.OpenJournal();
        var end = await journal.AppendAsync([Payloads.Make(1, 100), Payloads.Make(2, 200), Payloads.Make(3, 300)]);

        var records = journal.ReadAll();
        records.Select(r => Payloads.IdOf(r.Payload)).ShouldBe([1L, 2L, 3L]);
        records[0].Position.ShouldBe(0);
        records[1].Position.ShouldBe(records[0].NextPosition);
        records[2].Position.ShouldBe(records[1].NextPosition);
        records[2].NextPosition.ShouldBe(end);
    }

    [Fact]
    public async Task ReadBatch_Limits_TakesAtLeastOneRecordAndRespectsMaxBytes()
    {
        using var dir = new TestDirectory();
        await using var journal = dir.OpenJournal();
        await journal.AppendAsync([Payloads.Make(1, 5000), Payloads.Make(2, 100), Payloads.Make(3, 100), Payloads.Make(4, 100)]);
        using var reader = journal.OpenReader(0);
        var batch = new List<JournalRecord>();

        reader.ReadBatch(batch, 10, 1000).ShouldBe(1);
        reader.ReadBatch(batch, 2, 1 << 20).ShouldBe(2);
        reader.ReadBatch(batch, 10, 1 << 20).ShouldBe(1);
        reader.ReadBatch(batch, 10, 1 << 20).ShouldBe(0);
        batch.Select(r => Payloads.IdOf(r.Payload)).ShouldBe([1L, 2L, 3L, 4L]);
    }

    [Fact]
    public async Task ReadBatch_ReusingItsBuffer_SameRecords_TheFirstRecordLargerThanMaxBytesToo_NextCallOverwrites()
    {
        using var dir = new TestDirectory();
        await using var journal = dir.OpenJournal(segmentBytes: 64 << 10);
        var sizes = Enumerable.Range(0, 200).Select(i => i == 7 ? 9000 : 100 + (i * 37 % 1500)).ToList();
        for (var i = 0; i < sizes.Count; i += 10)
        {
            await journal.AppendAsync([.. Enumerable.Range(i, 10).Select(id => Payloads.Make(id, sizes[id]))]);
        }

        using var reader = journal.OpenReader(0);
        var batch = new List<JournalRecord>();
        var seen = new List<long>();
        ReadOnlyMemory<byte> firstOfPrevious = default;
        long firstIdOfPrevious = -1;
        while (reader.ReadBatch(batch, 16, 4096, reuseBuffer: true) > 0)
        {
            if (firstIdOfPrevious >= 0 && batch[0].Payload.Length <= 4096 && firstOfPrevious.Length <= 4096)
            {
                // Slices of the previous batch now hold this batch's bytes: consumers copy what they keep.
                Payloads.IdOf(firstOfPrevious).ShouldNotBe(firstIdOfPrevious);
            }

            foreach (var record in batch)
            {
                Payloads.IsIntact(record.Payload).ShouldBeTrue();
                seen.Add(Payloads.IdOf(record.Payload));
            }

            (firstOfPrevious, firstIdOfPrevious) = (batch[0].Payload, Payloads.IdOf(batch[0].Payload));
            batch.Clear();
        }

        seen.ShouldBe(Enumerable.Range(0, 200).Select(i => (long)i));
    }

    [Fact]
    public async Task OpenReader_NotARecordBoundary_Throws()
    {
        using var dir = new TestDirectory();
        await using var journal = dir.OpenJournal();
        await journal.AppendAsync([Payloads.Make(1, 100)]);

        Should.Throw<ArgumentException>(() => journal.OpenReader(5));
    }

    private static void Check(List<JournalRecord> records, List<(long Id, long End)> expected)
    {
        records.Count.ShouldBe(expected.Count);
        var previous = 0L;
        for (var i = 0; i < records.Count; i++)
        {
            records[i].Position.ShouldBe(previous);
            records[i].NextPosition.ShouldBe(expected[i].End);
            Payloads.IdOf(records[i].Payload).ShouldBe(expected[i].Id);
            Payloads.IsIntact(records[i].Payload).ShouldBeTrue();
            previous = records[i].NextPosition;
        }
    }
}
