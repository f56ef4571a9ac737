namespace Contrail.Delivery.LogFiles;

/// <summary>The records of one log file, as cut by <see cref="LogFileBatcher"/>.</summary>
/// <param name="Records">The records, in input order.</param>
/// <param name="UncompressedLength">The length of the file's uncompressed JSON, in bytes.</param>
public sealed record LogFileBatch(IReadOnlyList<ReadOnlyMemory<byte>> Records, long UncompressedLength)
{
    /// <summary>Number of records in the batch.</summary>
    public int Count => Records.Count;
}
