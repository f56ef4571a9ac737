namespace Contrail.Delivery.LogFiles;

/// <summary>A log file object produced by <see cref="LogFileWriter"/>.</summary>
/// <param name="Body">The object body: one gzip member of <c>{"Records":[…]}</c>.</param>
/// <param name="CompressedSha256">Hex (lowercase) SHA-256 of <paramref name="Body"/>, the compressed bytes as stored. Not what a digest lists: use <paramref name="UncompressedSha256"/> there.</param>
/// <param name="UncompressedSha256">
/// Hex (lowercase) SHA-256 of the uncompressed JSON: the <c>hashValue</c> a digest file lists and
/// <c>aws cloudtrail validate-logs</c> recomputes after inflating (spec §2.6).
/// </param>
/// <param name="UncompressedLength">Length of the uncompressed JSON, in bytes.</param>
/// <param name="RecordCount">Number of records in the file.</param>
/// <param name="OldestEventTime">The earliest top-level <c>eventTime</c>, or null when no record has one.</param>
/// <param name="NewestEventTime">The latest top-level <c>eventTime</c>, or null when no record has one.</param>
public sealed record LogFile(
    ReadOnlyMemory<byte> Body,
    string CompressedSha256,
    string UncompressedSha256,
    long UncompressedLength,
    int RecordCount,
    DateTimeOffset? OldestEventTime,
    DateTimeOffset? NewestEventTime);
