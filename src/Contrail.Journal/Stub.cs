// TEMPORARY: stands in for the journal being built on branch `journal`; deleted at merge.

namespace Contrail.Journal;
public sealed class JournalOptions { public required string Directory { get; init; } public long SegmentBytes { get; init; } = 64 << 20; }
public readonly record struct JournalRecord(long Position, long NextPosition, ReadOnlyMemory<byte> Payload);
public sealed class JournalRecoveryReport { public override string ToString() => ""; }
public sealed class Journal : IAsyncDisposable
{
    public static Journal Open(JournalOptions options, object? logger = null) => throw new NotImplementedException();
    public JournalRecoveryReport Recovery { get; } = new();
    public ValueTask<long> AppendAsync(IReadOnlyList<ReadOnlyMemory<byte>> payloads, CancellationToken ct = default) => throw new NotImplementedException();
    public long CommittedPosition { get; }
    public Task WaitForCommitAsync(long position, CancellationToken ct) => throw new NotImplementedException();
    public JournalReader OpenReader(long fromPosition) => throw new NotImplementedException();
    public void SetConsumerPosition(string consumer, long position) { }
    public ValueTask DisposeAsync() => default;
    public static JournalRepairReport Repair(JournalOptions options) => throw new NotImplementedException();
}
public sealed class JournalReader : IDisposable
{
    public int ReadBatch(List<JournalRecord> into, int maxRecords, int maxBytes) => throw new NotImplementedException();
    public void Dispose() { }
}
public sealed class JournalCorruptedException(string message) : Exception(message) { public string SegmentPath { get; } = ""; public long Offset { get; } }
public sealed class JournalRepairReport { public override string ToString() => ""; }
public static class JournalRepairStub { }
