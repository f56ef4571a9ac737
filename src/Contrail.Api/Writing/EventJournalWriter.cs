using Contrail.Events.Records;

namespace Contrail.Api.Writing;

/// <summary>
/// Appends records to the journal: the only way events enter Contrail. Completes only once the
/// records are durable (fsync'd); a journal failure reaches the caller (fail-stop, never swallowed).
/// </summary>
internal sealed class EventJournalWriter(Contrail.Journal.Journal journal)
{
    /// <summary>Largest number of payload bytes handed to the journal in one append.</summary>
    private const int ChunkBytes = 4 << 20;

    public async ValueTask WriteAsync(IReadOnlyList<NormalizedRecord> records, CancellationToken ct)
    {
        if (records.Count == 0)
        {
            return;
        }

        var chunk = new List<ReadOnlyMemory<byte>>(Math.Min(records.Count, 4096));
        var bytes = 0;
        foreach (var record in records)
        {
            var payload = JournalEnvelope.Encode(record);
            if (chunk.Count > 0 && bytes + payload.Length > ChunkBytes)
            {
                await journal.AppendAsync(chunk, ct).ConfigureAwait(false);
                chunk = new List<ReadOnlyMemory<byte>>(chunk.Count);
                bytes = 0;
            }

            chunk.Add(payload);
            bytes += payload.Length;
        }

        await journal.AppendAsync(chunk, ct).ConfigureAwait(false);
    }
}
