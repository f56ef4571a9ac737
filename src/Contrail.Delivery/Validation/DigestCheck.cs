namespace Contrail.Delivery.Validation;

/// <summary>The outcome of reading one digest: the digest when valid, else why not.</summary>
internal readonly record struct DigestCheck(LoadedDigest? Digest, DigestFileStatus Status, string? Reason)
{
    public static DigestCheck Valid(LoadedDigest digest) => new(digest, DigestFileStatus.Valid, null);

    public static DigestCheck Fail(DigestFileStatus status, string reason) => new(null, status, reason);

    public static DigestCheck Missing => new(null, DigestFileStatus.NotFound, "not found");
}
