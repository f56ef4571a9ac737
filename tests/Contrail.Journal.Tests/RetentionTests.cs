using Contrail.Journal.Tests.Support;

namespace Contrail.Journal.Tests;

public sealed class RetentionTests
{
    private const long SegmentBytes = 4096;

    [Fact]
    public async Task SetConsumerPosition_PastSegments_DeletesThemAndKeepsTheRest()
    {
        using var dir = new TestDirectory();
        List<long> ends;
        await using (var journal = dir.OpenJournal(SegmentBytes))
        {
            ends = await journal.AppendEachAsync(Enumerable.Range(0, 40).Select(i => (long)i), 1000);
            var before = dir.SegmentFiles().Length;
            before.ShouldBeGreaterThan(5);

            journal.SetConsumerPosition("indexer", ends[29]);
            journal.GetConsumerPosition("indexer").ShouldBe(ends[29]);
            await WaitUntil(() => dir.SegmentFiles().Length < before);

            // Nothing at or after the consumer's position is gone.
            journal.ReadAll(ends[29]).Select(r => Payloads.IdOf(r.Payload)).ShouldBe(Enumerable.Range(30, 10).Select(i => (long)i));
            var firstKept = long.Parse(Path.GetFileNameWithoutExtension(dir.SegmentFiles()[0]));
            firstKept.ShouldBeLessThanOrEqualTo(ends[29]);
        }

        await using var reopened = dir.OpenJournal(SegmentBytes);
        reopened.GetConsumerPosition("indexer").ShouldBe(ends[29]);
        reopened.ReadAll(ends[29]).Count.ShouldBe(10);
    }

    [Fact]
    public async Task SetConsumerPosition_SecondConsumerLags_NothingDeleted()
    {
        using var dir = new TestDirectory();
        await using var journal = dir.OpenJournal(SegmentBytes);
        var ends = await journal.AppendEachAsync(Enumerable.Range(0, 40).Select(i => (long)i), 1000);
        var before = dir.SegmentFiles().Length;

        journal.SetConsumerPosition("indexer", ends[^1]);
        journal.SetConsumerPosition("delivery", 0);
        journal.SaveConsumerPositions();
        dir.SegmentFiles().Length.ShouldBe(before);

        journal.SetConsumerPosition("delivery", ends[^1]);
        journal.SaveConsumerPositions();
        dir.SegmentFiles().Length.ShouldBe(1);
        journal.ReadAll(ends[^1]).Count.ShouldBe(0);
        await journal.AppendAsync([Payloads.Make(99, 100)]);
        journal.ReadAll(ends[^1]).Select(r => Payloads.IdOf(r.Payload)).ShouldBe([99L]);
    }

    [Fact]
    public async Task RemoveConsumer_ALaggingConsumerNoLongerHoldsSegments_AndStaysRemovedAfterReopen()
    {
        using var dir = new TestDirectory();
        List<long> ends;
        await using (var journal = dir.OpenJournal(SegmentBytes))
        {
            ends = await journal.AppendEachAsync(Enumerable.Range(0, 40).Select(i => (long)i), 1000);
            var before = dir.SegmentFiles().Length;
            journal.SetConsumerPosition("trail:deleted", 0); // first: a timer save in between must not see only the indexer
            journal.SetConsumerPosition("indexer", ends[^1]);
            journal.SaveConsumerPositions();
            dir.SegmentFiles().Length.ShouldBe(before);

            journal.ConsumerNames().ShouldBe(["indexer", "trail:deleted"], ignoreOrder: true);
            journal.RemoveConsumer("trail:deleted").ShouldBeTrue();
            journal.ConsumerNames().ShouldBe(["indexer"]);
            journal.RemoveConsumer("trail:deleted").ShouldBeFalse();
            journal.GetConsumerPosition("trail:deleted").ShouldBeNull();
            journal.SaveConsumerPositions();

            // The journal's own timer may have saved (and applied retention) first, on its thread.
            await WaitUntil(() => dir.SegmentFiles().Length == 1);
        }

        await using var reopened = dir.OpenJournal(SegmentBytes);
        reopened.GetConsumerPosition("trail:deleted").ShouldBeNull();
        reopened.GetConsumerPosition("indexer").ShouldBe(ends[^1]);
    }

    [Fact]
    public async Task NoConsumerRegistered_NothingDeleted()
    {
        using var dir = new TestDirectory();
        await using (var journal = dir.OpenJournal(SegmentBytes))
        {
            await journal.AppendEachAsync(Enumerable.Range(0, 20).Select(i => (long)i), 1000);
            journal.SaveConsumerPositions();
        }

        await using var reopened = dir.OpenJournal(SegmentBytes);
        reopened.ReadAll().Count.ShouldBe(20);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "condition not met before the deadline");
            await Task.Delay(20);
        }
    }
}
