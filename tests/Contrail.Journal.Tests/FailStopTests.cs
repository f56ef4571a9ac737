using Contrail.Journal.Tests.Support;

namespace Contrail.Journal.Tests;

public sealed class FailStopTests
{
    [Fact]
    public async Task AppendAsync_WriteFails_JournalStopsAndEveryCallerGetsTheError()
    {
        using var dir = new TestDirectory();
        long committed;
        await using (var journal = dir.OpenJournal())
        {
            await journal.AppendEachAsync([1, 2], 200);
            committed = journal.CommittedPosition;
            var waiter = journal.WaitForCommitAsync(committed, CancellationToken.None);

            journal.FailNextWrite = true;
            var error = await Should.ThrowAsync<JournalFailedException>(async () => await journal.AppendAsync([Payloads.Make(3, 200)]));
            error.InnerException.ShouldBeOfType<IOException>();

            await Should.ThrowAsync<JournalFailedException>(async () => await journal.AppendAsync([Payloads.Make(4, 200)]));
            await Should.ThrowAsync<JournalFailedException>(() => waiter.WaitAsync(TimeSpan.FromSeconds(10)));
            await Should.ThrowAsync<JournalFailedException>(() => journal.WaitForCommitAsync(committed, CancellationToken.None));
            journal.CommittedPosition.ShouldBe(committed);
        }

        await using var reopened = dir.OpenJournal();
        reopened.ReadAll().Select(r => Payloads.IdOf(r.Payload)).ShouldBe([1L, 2L]);
    }
}
