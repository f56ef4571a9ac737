using Contrail.Journal.Tests.Support;

namespace Contrail.Journal.Tests;

public sealed class CommitWaitTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task WaitForCommitAsync_WakesOnAppend_ReaderSeesOnlyLaterRecords()
    {
        using var dir = new TestDirectory();
        await using var journal = dir.OpenJournal();
        await journal.AppendEachAsync([1, 2], 300);
        var from = journal.CommittedPosition;
        using var reader = journal.OpenReader(from);
        var batch = new List<JournalRecord>();
        reader.ReadBatch(batch, 10, 1 << 20).ShouldBe(0);

        var wait = journal.WaitForCommitAsync(from, CancellationToken.None);
        wait.IsCompleted.ShouldBeFalse();
        await journal.AppendAsync([Payloads.Make(3, 300)]);
        await wait.WaitAsync(Deadline);

        reader.ReadBatch(batch, 10, 1 << 20).ShouldBe(1);
        Payloads.IdOf(batch[0].Payload).ShouldBe(3);
        batch[0].Position.ShouldBe(from);
    }

    [Fact]
    public async Task WaitForCommitAsync_AlreadyCommitted_CompletesAndCancellationThrows()
    {
        using var dir = new TestDirectory();
        await using var journal = dir.OpenJournal();
        await journal.AppendEachAsync([1], 300);
        await journal.WaitForCommitAsync(0, CancellationToken.None).WaitAsync(Deadline);

        using var cts = new CancellationTokenSource();
        var wait = journal.WaitForCommitAsync(journal.CommittedPosition, cts.Token);
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => wait.WaitAsync(Deadline));
    }
}
