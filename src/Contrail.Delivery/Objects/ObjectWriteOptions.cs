namespace Contrail.Delivery.Objects;

/// <summary>
/// How an object is stored, beyond its body and metadata: server-side encryption as S3 names it
/// (<c>x-amz-server-side-encryption</c>, <c>x-amz-server-side-encryption-aws-kms-key-id</c>).
/// A null <see cref="ServerSideEncryption"/> leaves the choice to the store (an S3 bucket's
/// default encryption). Stores that cannot encrypt (<see cref="LocalObjectStore"/>) ignore it.
/// </summary>
public sealed record ObjectWriteOptions
{
    /// <summary>SSE-S3: keys managed by the store (<c>AES256</c>).</summary>
    public const string Aes256 = "AES256";

    /// <summary>SSE-KMS: a KMS key, <see cref="KmsKeyId"/> or the store's default KMS key (<c>aws:kms</c>).</summary>
    public const string AwsKms = "aws:kms";

    /// <summary><see cref="Aes256"/>, <see cref="AwsKms"/>, or null for the bucket's default.</summary>
    public string? ServerSideEncryption { get; init; }

    /// <summary>The KMS key (id, key ARN or alias ARN) for <see cref="AwsKms"/>; null for the default KMS key. Only with <see cref="AwsKms"/>.</summary>
    public string? KmsKeyId { get; init; }

    /// <summary>SSE-KMS with <paramref name="kmsKeyId"/> (a trail's <c>KmsKeyId</c>).</summary>
    public static ObjectWriteOptions Kms(string kmsKeyId)
    {
        ArgumentException.ThrowIfNullOrEmpty(kmsKeyId);
        return new ObjectWriteOptions { ServerSideEncryption = AwsKms, KmsKeyId = kmsKeyId };
    }

    /// <summary>Whether <paramref name="value"/> is a server-side encryption this type knows (null included).</summary>
    public static bool IsKnownEncryption(string? value) => value is null or Aes256 or AwsKms;

    /// <summary>Throws <see cref="ArgumentException"/> when the encryption is unknown or a key is given without <see cref="AwsKms"/>.</summary>
    public void Validate()
    {
        if (!IsKnownEncryption(ServerSideEncryption))
        {
            throw new ArgumentException($"Server-side encryption must be {Aes256} or {AwsKms}; got '{ServerSideEncryption}'.", nameof(ServerSideEncryption));
        }

        if (KmsKeyId is not null && ServerSideEncryption != AwsKms)
        {
            throw new ArgumentException($"A KMS key id needs server-side encryption {AwsKms}.", nameof(KmsKeyId));
        }
    }
}
