namespace Contrail.Delivery.Validation;

/// <summary>Which of a digest's <c>previousDigest…</c> members the previous digest does not match.</summary>
public enum DigestLinkMismatch
{
    /// <summary><c>previousDigestSignature</c> is not the previous digest's <c>signature</c> metadata.</summary>
    Signature,

    /// <summary><c>previousDigestHashValue</c> is not the SHA-256 of the previous digest's inflated bytes.</summary>
    HashValue,
}
