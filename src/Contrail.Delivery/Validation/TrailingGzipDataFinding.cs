namespace Contrail.Delivery.Validation;

/// <summary>
/// Contrail's check: a listed log file has bytes after its first gzip member (another member, appended
/// records). The AWS CLI hashes only the first member and calls the file valid, while <c>gzip -d</c>,
/// Athena and other readers also read what follows.
/// </summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Key">The log file's key.</param>
/// <param name="TrailingBytes">How many bytes follow the first member.</param>
public sealed record TrailingGzipDataFinding(string Bucket, string Key, long TrailingBytes) : ValidationFinding
{
    /// <inheritdoc/>
    public override bool IsInvalid => true;

    /// <inheritdoc/>
    public override bool IsContrailCheck => true;

    /// <summary>The text after <c>INVALID: </c>.</summary>
    public string Reason => $"{TrailingBytes} bytes after the first gzip member, which the hash does not cover";
}
