namespace Contrail.Delivery.Validation;

/// <summary>
/// What a valid digest says about the one before it, kept until that one has been read: for Contrail's
/// checks of <c>previousDigestSignature</c>/<c>previousDigestHashValue</c> and of digests deleted in a row.
/// </summary>
/// <param name="NewerBucket">The bucket of the digest that names the previous one.</param>
/// <param name="NewerKey">The digest that names the previous one.</param>
/// <param name="ExpectedBucket"><c>previousDigestS3Bucket</c>.</param>
/// <param name="ExpectedKey"><c>previousDigestS3Object</c>.</param>
/// <param name="ExpectedSignature"><c>previousDigestSignature</c>.</param>
/// <param name="ExpectedHashValue"><c>previousDigestHashValue</c>, null when absent.</param>
/// <param name="MissingEnd">Once the named digest turned out missing or invalid: the time in its name; null before.</param>
internal sealed record ChainLink(
    string NewerBucket,
    string NewerKey,
    string ExpectedBucket,
    string ExpectedKey,
    string? ExpectedSignature,
    string? ExpectedHashValue,
    DateTimeOffset? MissingEnd = null)
{
    public static ChainLink? After(LoadedDigest digest) =>
        digest.PreviousBucket is { } bucket && digest.PreviousKey is { } key
            ? new ChainLink(digest.Bucket, digest.Key, bucket, key, digest.PreviousSignature, digest.PreviousHashValue)
            : null;

    public bool Names(string bucket, string key) => ExpectedBucket == bucket && ExpectedKey == key;
}
