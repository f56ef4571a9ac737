using Contrail.Journal.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Contrail.Journal.Tests;

public sealed class TornTailTests
{
    private const int Records = 10;
    private const int LastPayload = 1000;

    [Fact]
    public async Task Open_CutInsideLastRecord_TruncatesTornTailAndKeepsEarlierRecords()
    {
        using var original = new TestDirectory();
        long lastStart;
        await using (var journal = original.OpenJournal())
        {
            lastStart = (await journal.AppendEachAsync(Enumerable.Range(0, Records - 1).Select(i => (long)i), 500))[^1];
            await journal.AppendAsync([Payloads.Make(Records - 1, LastPayload)]);
        }

        var lastEnd = lastStart + 12 + LastPayload;
        new FileInfo(original.Segment(0)).Length.ShouldBe(lastEnd);

        // Every header byte, then a spread through the payload: ~30 cut points.
        var cuts = Enumerable.Range(1, 12).Select(k => lastStart + k)
            .Concat(Enumerable.Range(1, 18).Select(k => lastStart + 12 + (k * LastPayload / 19)))
            .Append(lastEnd - 1);
        foreach (var cut in cuts)
        {
            using var copy = original.Copy();
            using (var stream = new FileStream(copy.Segment(0), FileMode.Open))
            {
                stream.SetLength(cut);
            }

            await using (var journal = copy.OpenJournal())
            {
                journal.Recovery.TornTailTruncated.ShouldBeTrue($"cut at {cut}");
                journal.Recovery.TruncatedSegmentPath.ShouldBe(copy.Segment(0));
                journal.Recovery.TruncatedAtOffset.ShouldBe(lastStart);
                journal.Recovery.BytesDropped.ShouldBe(cut - lastStart);
                journal.Recovery.ToString().ShouldContain("torn tail truncated");
                journal.CommittedPosition.ShouldBe(lastStart);
                journal.ReadAll().Select(r => Payloads.IdOf(r.Payload)).ShouldBe(Enumerable.Range(0, Records - 1).Select(i => (long)i));
                await journal.AppendAsync([Payloads.Make(100, 700)]);
            }

            await using (var reopened = copy.OpenJournal())
            {
                reopened.Recovery.TornTailTruncated.ShouldBeFalse();
                var ids = reopened.ReadAll().Select(r => Payloads.IdOf(r.Payload)).ToList();
                ids.Count.ShouldBe(Records);
                ids[^1].ShouldBe(100);
            }
        }
    }

    [Fact]
    public async Task Open_ZeroFilledTail_IsTornTail()
    {
        using var dir = new TestDirectory();
        long end;
        await using (var journal = dir.OpenJournal())
        {
            end = (await journal.AppendEachAsync([1, 2, 3], 400))[^1];
        }

        using (var stream = new FileStream(dir.Segment(0), FileMode.Append))
        {
            stream.Write(new byte[4096]);
        }

        var logger = new ListLogger();
        await using (var journal = Journal.Open(new JournalOptions { Directory = dir.Path }, logger))
        {
            journal.Recovery.TornTailTruncated.ShouldBeTrue();
            journal.Recovery.TruncatedAtOffset.ShouldBe(end);
            logger.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Id.Id == 3001
                && e.Message.Contains("00000000000000000000.seg") && e.Message.Contains($"offset {end}"));
            journal.Recovery.BytesDropped.ShouldBe(4096);
            journal.ReadAll().Count.ShouldBe(3);
        }

        new FileInfo(dir.Segment(0)).Length.ShouldBe(end);
    }

    [Fact]
    public async Task Open_LastRecordZeroedInPlace_IsTornTail()
    {
        using var dir = new TestDirectory();
        List<long> ends;
        await using (var journal = dir.OpenJournal())
        {
            ends = await journal.AppendEachAsync([1, 2, 3], 400);
        }

        using (var stream = new FileStream(dir.Segment(0), FileMode.Open))
        {
            stream.Position = ends[1];
            stream.Write(new byte[ends[2] - ends[1]]);
        }

        await using var reopened = dir.OpenJournal();
        reopened.Recovery.TornTailTruncated.ShouldBeTrue();
        reopened.Recovery.TruncatedAtOffset.ShouldBe(ends[1]);
        reopened.ReadAll().Count.ShouldBe(2);
    }
}
