namespace Contrail.Delivery.Validation;

/// <summary>What the traversal needs of a digest that passed every check (the JSON is not kept).</summary>
/// <param name="Bucket">Where it was read.</param>
/// <param name="Key">Its key.</param>
/// <param name="StartTime"><c>digestStartTime</c>.</param>
/// <param name="EndTime"><c>digestEndTime</c>.</param>
/// <param name="PreviousBucket"><c>previousDigestS3Bucket</c>, null when null or absent (a chain start).</param>
/// <param name="PreviousKey"><c>previousDigestS3Object</c>, null when null or absent (a chain start).</param>
/// <param name="PreviousSignature"><c>previousDigestSignature</c>, null when null.</param>
/// <param name="PreviousHashValue"><c>previousDigestHashValue</c>, null when null or absent.</param>
/// <param name="Signature">Its own signature (the <c>signature</c> metadata).</param>
/// <param name="Sha256">Lowercase hex SHA-256 of its inflated bytes.</param>
/// <param name="LogFiles">The <c>logFiles</c> entries, in order, up to <paramref name="LogFilesError"/>.</param>
/// <param name="LogFilesError">When <c>logFiles</c> is absent or an entry cannot be read, the error the AWS CLI stops with after the entries before it.</param>
internal sealed record LoadedDigest(
    string Bucket,
    string Key,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    string? PreviousBucket,
    string? PreviousKey,
    string? PreviousSignature,
    string? PreviousHashValue,
    string Signature,
    string Sha256,
    IReadOnlyList<LogFileEntry> LogFiles,
    string? LogFilesError);
