namespace Contrail.Delivery.Validation;

/// <summary>
/// Contrail's check: a valid digest is not the one the next newer digest says comes before it
/// (the AWS CLI follows <c>previousDigestS3Object</c> but never compares <c>previousDigestSignature</c> or
/// <c>previousDigestHashValue</c> with what it finds there).
/// </summary>
/// <param name="Bucket">The older digest's bucket.</param>
/// <param name="Key">The older digest, found at the place the newer one named.</param>
/// <param name="NewerBucket">The newer digest's bucket.</param>
/// <param name="NewerKey">The newer digest, whose <c>previousDigest…</c> member does not match.</param>
/// <param name="Mismatch">Which member.</param>
public sealed record DigestLinkFinding(string Bucket, string Key, string NewerBucket, string NewerKey, DigestLinkMismatch Mismatch) : ValidationFinding
{
    /// <inheritdoc/>
    public override bool IsInvalid => true;

    /// <inheritdoc/>
    public override bool IsContrailCheck => true;

    /// <summary>The text after <c>INVALID: </c>.</summary>
    public string Reason => Mismatch == DigestLinkMismatch.Signature
        ? $"signature doesn't match previousDigestSignature of s3://{NewerBucket}/{NewerKey}"
        : $"hash value doesn't match previousDigestHashValue of s3://{NewerBucket}/{NewerKey}";
}
