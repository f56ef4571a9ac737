using Amazon.Runtime;

namespace Contrail.Delivery.Objects;

/// <summary>
/// Where and how <see cref="S3ObjectStore"/> reaches an S3-compatible store. Mutable for building;
/// <see cref="Validate"/> runs when the store is created, which copies the values.
/// </summary>
public sealed class S3ObjectStoreOptions
{
    /// <summary>Default of <see cref="Timeout"/>: 60 seconds per request (a log file is a few MiB at most).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The store's endpoint, an absolute <c>http</c> or <c>https</c> URL such as <c>http://127.0.0.1:9000</c>
    /// (MinIO, Ceph RGW, moto, …). Null means AWS S3 itself in <see cref="Region"/>.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The region requests are signed for (SigV4 scope). Required; most S3-compatible stores accept any, often <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>
    /// Path-style addressing (<c>http://host/bucket/key</c>) instead of virtual-hosted (<c>http://bucket.host/key</c>).
    /// Null (the default) means true with a custom <see cref="Endpoint"/>, false for AWS S3.
    /// </summary>
    public bool? ForcePathStyle { get; set; }

    /// <summary>
    /// Credentials. Null (the default) means the environment variables <c>AWS_ACCESS_KEY_ID</c>,
    /// <c>AWS_SECRET_ACCESS_KEY</c> and optional <c>AWS_SESSION_TOKEN</c>, read when the store is created,
    /// or when those are not set the AWS SDK's default chain (profile files, container and instance roles).
    /// </summary>
    public AWSCredentials? Credentials { get; set; }

    /// <summary>
    /// Server-side encryption for puts that do not ask for one (<see cref="ObjectWriteOptions.Aes256"/> or
    /// <see cref="ObjectWriteOptions.AwsKms"/>); null (the default) sends none, so the bucket's default applies.
    /// </summary>
    public string? ServerSideEncryption { get; set; }

    /// <summary>How long one request may take before it fails with <c>RequestTimeout</c>; default <see cref="DefaultTimeout"/>.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Retries the SDK makes after a failed request (throttling, 5xx, connection errors) before the put fails; default 2.</summary>
    public int MaxErrorRetry { get; set; } = 2;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Endpoint is not null && (!Endpoint.IsAbsoluteUri || Endpoint.Scheme is not ("http" or "https") || string.IsNullOrEmpty(Endpoint.Host)))
        {
            throw new ArgumentException($"The S3 endpoint must be an absolute http or https URL; got '{Endpoint}'.", nameof(Endpoint));
        }

        if (string.IsNullOrWhiteSpace(Region))
        {
            throw new ArgumentException("The S3 region must be set (for example us-east-1).", nameof(Region));
        }

        if (!ObjectWriteOptions.IsKnownEncryption(ServerSideEncryption))
        {
            throw new ArgumentException($"Server-side encryption must be {ObjectWriteOptions.Aes256} or {ObjectWriteOptions.AwsKms}; got '{ServerSideEncryption}'.", nameof(ServerSideEncryption));
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("The S3 request timeout must be positive.", nameof(Timeout));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MaxErrorRetry);
    }
}
