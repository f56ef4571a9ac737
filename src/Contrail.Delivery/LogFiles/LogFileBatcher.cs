namespace Contrail.Delivery.LogFiles;

/// <summary>
/// Cuts a stream of records into log files so that no file's uncompressed JSON exceeds
/// <see cref="MaxUncompressedBytes"/> and no file holds more than <see cref="MaxRecords"/> records.
/// AWS caps a log object at 50 MB compressed (spec §1.1); bounding the uncompressed size keeps the
/// compressed size under it whatever the compression ratio. Immutable and thread-safe.
/// </summary>
public sealed class LogFileBatcher
{
    /// <summary>Default bound on a file's uncompressed JSON: 48 MiB.</summary>
    public const long DefaultMaxUncompressedBytes = 48L * 1024 * 1024;

    /// <summary>Creates a batcher.</summary>
    /// <param name="maxUncompressedBytes">Bound on a file's uncompressed length in bytes, envelope included; default 48 MiB.</param>
    /// <param name="maxRecords">Bound on the records per file; default unbounded.</param>
    public LogFileBatcher(long maxUncompressedBytes = DefaultMaxUncompressedBytes, int maxRecords = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxUncompressedBytes, LogFileWriter.EnvelopeLength + 1L);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        MaxUncompressedBytes = maxUncompressedBytes;
        MaxRecords = maxRecords;
    }

    /// <summary>Bound on a file's uncompressed JSON, in bytes.</summary>
    public long MaxUncompressedBytes { get; }

    /// <summary>Bound on the records per file.</summary>
    public int MaxRecords { get; }

    /// <summary>
    /// Splits <paramref name="records"/> into batches, lazily, preserving order; every record lands in
    /// exactly one batch and no batch is empty.
    /// </summary>
    /// <exception cref="ArgumentException">A single record does not fit in a file (raised when reached).</exception>
    public IEnumerable<LogFileBatch> Split(IEnumerable<ReadOnlyMemory<byte>> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return SplitIterator(records);
    }

    private IEnumerable<LogFileBatch> SplitIterator(IEnumerable<ReadOnlyMemory<byte>> records)
    {
        var current = new List<ReadOnlyMemory<byte>>();
        long length = LogFileWriter.EnvelopeLength;
        foreach (var record in records)
        {
            if (LogFileWriter.EnvelopeLength + (long)record.Length > MaxUncompressedBytes)
            {
                throw new ArgumentException(
                    $"A record of {record.Length} bytes does not fit in a log file bounded at {MaxUncompressedBytes} bytes.",
                    nameof(records));
            }

            var added = record.Length + (current.Count > 0 ? 1 : 0);
            if (current.Count > 0 && (length + added > MaxUncompressedBytes || current.Count == MaxRecords))
            {
                yield return new LogFileBatch(current, length);
                current = [];
                length = LogFileWriter.EnvelopeLength;
                added = record.Length;
            }

            current.Add(record);
            length += added;
        }

        if (current.Count > 0)
        {
            yield return new LogFileBatch(current, length);
        }
    }
}
