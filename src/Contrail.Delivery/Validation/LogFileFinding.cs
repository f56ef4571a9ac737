namespace Contrail.Delivery.Validation;

/// <summary>The verdict on one log file a valid digest lists (<c>Log file</c>, TAB, <c>s3://…</c>, TAB, <c>valid</c> or <c>INVALID: …</c>).</summary>
/// <param name="Bucket">The entry's <c>s3Bucket</c>.</param>
/// <param name="Key">The entry's <c>s3Object</c>.</param>
/// <param name="Status">The verdict.</param>
public sealed record LogFileFinding(string Bucket, string Key, LogFileStatus Status) : ValidationFinding
{
    /// <inheritdoc/>
    public override bool IsInvalid => Status != LogFileStatus.Valid;

    /// <summary>The AWS CLI's text after <c>INVALID: </c>; null when valid.</summary>
    public string? Reason => Status switch
    {
        LogFileStatus.NotFound => "not found",
        LogFileStatus.InvalidFormat => "invalid format",
        LogFileStatus.HashMismatch => "hash value doesn't match",
        _ => null,
    };
}
