using Contrail.Journal.Tests.Support;

namespace Contrail.Journal.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task DisposeAsync_WithAppendsInFlight_CompletesThemDurably()
    {
        using var dir = new TestDirectory();
        var journal = dir.OpenJournal();
        var appends = Enumerable.Range(0, 50).Select(i => journal.AppendAsync([Payloads.Make(i, 2000)]).AsTask()).ToList();
        var waiter = journal.WaitForCommitAsync(long.MaxValue - 1, CancellationToken.None);

        await journal.DisposeAsync();

        var ends = await Task.WhenAll(appends);
        await Should.ThrowAsync<ObjectDisposedException>(() => waiter.WaitAsync(TimeSpan.FromSeconds(10)));
        await Should.ThrowAsync<ObjectDisposedException>(async () => await journal.AppendAsync([Payloads.Make(99, 10)]));

        await using var reopened = dir.OpenJournal();
        reopened.CommittedPosition.ShouldBe(ends.Max());
        reopened.ReadAll().Select(r => Payloads.IdOf(r.Payload)).Order().ShouldBe(Enumerable.Range(0, 50).Select(i => (long)i));
    }

    [Fact]
    public async Task OpenReader_BeforeOldestKeptSegment_StartsAtOldestRecord()
    {
        using var dir = new TestDirectory();
        await using var journal = dir.OpenJournal(segmentBytes: 4096);
        var ends = await journal.AppendEachAsync(Enumerable.Range(0, 20).Select(i => (long)i), 1000);
        journal.SetConsumerPosition("only", ends[10]);
        journal.SaveConsumerPositions();

        var records = journal.ReadAll(0);
        var firstKept = long.Parse(Path.GetFileNameWithoutExtension(dir.SegmentFiles()[0]));
        firstKept.ShouldBeGreaterThan(0);
        records[0].Position.ShouldBe(firstKept);
        Payloads.IdOf(records[^1].Payload).ShouldBe(19);
    }

    [Fact]
    public async Task Open_EmptyDirectory_CreatesFirstSegmentOwnerOnly()
    {
        using var parent = new TestDirectory();
        var path = Path.Combine(parent.Path, "journal");
        var journal = Journal.Open(new JournalOptions { Directory = path });
        await journal.DisposeAsync();

        File.Exists(Path.Combine(path, "00000000000000000000.seg")).ShouldBeTrue();
        File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        journal.Recovery.EndPosition.ShouldBe(0);
    }
}
