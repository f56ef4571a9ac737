namespace Contrail.Delivery.Validation;

/// <summary>The verdict on one digest file (<c>Digest file</c>, TAB, <c>s3://…</c>, TAB, <c>valid</c> or <c>INVALID: …</c>).</summary>
/// <param name="Bucket">The bucket it was read from.</param>
/// <param name="Key">Its key.</param>
/// <param name="Status">The verdict.</param>
/// <param name="Reason">For an invalid digest, the AWS CLI's text after <c>INVALID: </c>; null when valid.</param>
/// <param name="IsBackfill">A backfill digest (<c>…_backfill.json.gz</c>, a separate chain; lines start with <c>(backfill) </c>).</param>
/// <param name="DigestStartTime">A valid digest's <c>digestStartTime</c>; null when invalid.</param>
/// <param name="DigestEndTime">A valid digest's <c>digestEndTime</c>; null when invalid.</param>
public sealed record DigestFileFinding(
    string Bucket,
    string Key,
    DigestFileStatus Status,
    string? Reason,
    bool IsBackfill,
    DateTimeOffset? DigestStartTime,
    DateTimeOffset? DigestEndTime) : ValidationFinding
{
    /// <inheritdoc/>
    public override bool IsInvalid => Status != DigestFileStatus.Valid;
}
