namespace Contrail.Journal;

/// <summary>
/// A committed record: its position, the position of the record after it (where a consumer
/// resumes), and its payload (owned by the caller; the journal does not reuse it).
/// </summary>
public readonly record struct JournalRecord(long Position, long NextPosition, ReadOnlyMemory<byte> Payload);
