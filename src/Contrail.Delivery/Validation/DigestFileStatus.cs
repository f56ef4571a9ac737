namespace Contrail.Delivery.Validation;

/// <summary>The verdict on a digest file, as the AWS CLI gives it (spec §3.3).</summary>
public enum DigestFileStatus
{
    /// <summary>Found, well formed, in place, signed by a known key: <c>valid</c>.</summary>
    Valid,

    /// <summary>No such object: <c>INVALID: not found</c>.</summary>
    NotFound,

    /// <summary>Not a gzip of JSON, or a required member is missing: <c>INVALID: invalid format</c>.</summary>
    InvalidFormat,

    /// <summary><c>digestS3Bucket</c>/<c>digestS3Object</c> name another place: <c>INVALID: has been moved from its original location</c>.</summary>
    Moved,

    /// <summary>No public key has the digest's fingerprint: <c>INVALID: public key not found in region … for fingerprint …</c>.</summary>
    PublicKeyNotFound,

    /// <summary>The key with that fingerprint is not a PKCS#1 RSA public key: <c>INVALID: Unable to load PKCS #1 key with fingerprint …</c>.</summary>
    PublicKeyUnusable,

    /// <summary>No signature metadata, or the signature does not verify: <c>INVALID: signature verification failed</c>.</summary>
    SignatureVerificationFailed,

    /// <summary>Anything else the AWS CLI reports with the error's own message (an unparseable time, a signature that is not hex).</summary>
    Invalid,
}
