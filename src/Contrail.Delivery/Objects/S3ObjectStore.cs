using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.S3;
using Amazon.S3.Model;

namespace Contrail.Delivery.Objects;

/// <summary>
/// An <see cref="IObjectStore"/> on any S3-compatible store (AWS S3, MinIO, Ceph RGW, moto, …) through
/// AWSSDK.S3 (docs/dev/delivery.md, "S3-compatible stores"). Thread-safe.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Puts are single whole-object PUTs (no multipart: a log file is a few MiB) with <c>Content-MD5</c>,
/// so a body damaged on the way is refused (<c>BadDigest</c>) rather than stored; the payload is also
/// signed (no chunked encoding, which some S3-compatible stores do not take). A put of the same key
/// replaces the object, so a retried delivery rewrites the same object.</item>
/// <item>Metadata names must be lowercase (S3 lowercases them) and values printable ASCII (they travel
/// as HTTP headers): anything else is an <see cref="ArgumentException"/>, so what a get returns is what was put.</item>
/// <item>A missing bucket has no objects: get and head return null, list is empty, delete false (as
/// <see cref="LocalObjectStore"/>). Only a put of a missing bucket fails (<c>NoSuchBucket</c>): buckets are not created here.</item>
/// <item>Where S3 cannot tell: a head of a missing key answers 403, not 404, to credentials without
/// <c>s3:ListBucket</c> (an <see cref="ObjectStoreException"/> <c>AccessDenied</c>); DeleteObject answers the
/// same whether or not the key existed, so delete asks with a head first, and a concurrent put or delete of
/// the same key between the two can make its answer stale.</item>
/// <item>Failures other than a missing object are <see cref="ObjectStoreException"/>s with an S3-style code:
/// the store's own (<c>NoSuchBucket</c>, <c>AccessDenied</c>, <c>KMS.NotFoundException</c>, …),
/// <c>ServiceUnavailable</c> when the endpoint cannot be reached, <c>RequestTimeout</c> when it does not answer in
/// <see cref="S3ObjectStoreOptions.Timeout"/>, and <c>AccessDenied</c> when no credentials are found (as S3 answers an
/// unsigned request). The SDK retries <see cref="S3ObjectStoreOptions.MaxErrorRetry"/> times first.</item>
/// </list>
/// </remarks>
public sealed partial class S3ObjectStore : IObjectStore, IDisposable
{
    private const string MetadataHeaderPrefix = "x-amz-meta-";
    private const int MaxKeyBytes = 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly AmazonS3Config _config;
    private readonly string? _serverSideEncryption;
    private readonly SemaphoreSlim _clientGate = new(1, 1);
    private AWSCredentials? _credentials;
    private AmazonS3Client? _client;

    /// <summary>Creates a store; <paramref name="options"/> are validated and copied. No request is made yet.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public S3ObjectStore(S3ObjectStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle ?? options.Endpoint is not null,
            // Content-MD5 is sent explicitly: the SDK's newer trailing checksums are not taken by every S3-compatible store.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = options.Timeout,
            MaxErrorRetry = options.MaxErrorRetry,
        };
        if (options.Endpoint is { } endpoint)
        {
            _config.ServiceURL = endpoint.ToString();
            _config.AuthenticationRegion = options.Region;
        }
        else
        {
            _config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        Endpoint = options.Endpoint?.ToString().TrimEnd('/') ?? $"s3.{options.Region}";
        _serverSideEncryption = options.ServerSideEncryption;
        _credentials = options.Credentials ?? S3Credentials.FromEnvironment(Environment.GetEnvironmentVariable);
    }

    /// <summary>The endpoint URL, or <c>s3.REGION</c> for AWS S3; for messages.</summary>
    public string Endpoint { get; }

    /// <inheritdoc/>
    public async Task PutAsync(string bucket, string key, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string> metadata,
        ObjectWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ValidateNames(bucket, key);
        ArgumentNullException.ThrowIfNull(metadata);
        ValidateMetadata(metadata);
        options?.Validate();
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = ReadOnlyStream(body),
            AutoCloseStream = true,
            MD5Digest = Convert.ToBase64String(MD5.HashData(body.Span)),
            UseChunkEncoding = false,
        };
        foreach (var (name, value) in metadata)
        {
            request.Metadata[name] = value;
        }

        var encryption = options?.ServerSideEncryption ?? _serverSideEncryption;
        if (encryption is not null)
        {
            request.ServerSideEncryptionMethod = ServerSideEncryptionMethod.FindValue(encryption);
            if (options?.KmsKeyId is { } kmsKeyId)
            {
                request.ServerSideEncryptionKeyManagementServiceKeyId = kmsKeyId;
            }
        }

        var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await client.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, "PutObject", bucket, key, cancellationToken) is { } error)
        {
            throw error;
        }
    }

    /// <inheritdoc/>
    public async Task<StoredObject?> GetAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        ValidateNames(bucket, key);
        var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            using var body = new MemoryStream(response.ContentLength is > 0 and <= int.MaxValue ? (int)response.ContentLength : 0);
            await response.ResponseStream.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
            return new StoredObject(body.ToArray(), MetadataOf(response.Metadata));
        }
        catch (AmazonS3Exception e) when (IsMissing(e))
        {
            return null;
        }
        catch (Exception e) when (Translate(e, "GetObject", bucket, key, cancellationToken) is { } error)
        {
            throw error;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The body is the response stream: the connection is held until the object is disposed. A connection
    /// lost mid-body fails the read with the HTTP client's <see cref="IOException"/>.
    /// </remarks>
    public async Task<OpenedObject?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        ValidateNames(bucket, key);
        var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            return new OpenedObject(response.ResponseStream, response.ContentLength, MetadataOf(response.Metadata), response);
        }
        catch (AmazonS3Exception e) when (IsMissing(e))
        {
            return null;
        }
        catch (Exception e) when (Translate(e, "GetObject", bucket, key, cancellationToken) is { } error)
        {
            throw error;
        }
    }

    /// <inheritdoc/>
    public async Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        ValidateNames(bucket, key);
        var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            return new ObjectInfo(key, response.ContentLength, Utc(response.LastModified), MetadataOf(response.Metadata)) { ETag = response.ETag };
        }
        catch (AmazonS3Exception e) when (IsMissing(e))
        {
            return null;
        }
        catch (Exception e) when (Translate(e, "HeadObject", bucket, key, cancellationToken) is { } error)
        {
            throw error;
        }
    }

    /// <inheritdoc/>
    /// <remarks>A head first, then DeleteObject: see the remarks on <see cref="S3ObjectStore"/>.</remarks>
    public async Task<bool> DeleteAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        if (await HeadAsync(bucket, key, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (Translate(e, "DeleteObject", bucket, key, cancellationToken) is { } error)
        {
            throw error;
        }
    }

    /// <summary>Releases the SDK client.</summary>
    public void Dispose()
    {
        _client?.Dispose();
        _clientGate.Dispose();
    }

    /// <summary>
    /// The SDK client, made on first use. Without explicit or environment credentials, the SDK's default
    /// chain is asked here (not at construction: it may probe an instance metadata endpoint), and a
    /// failure is AccessDenied for this call and asked again on the next.
    /// </summary>
    private async ValueTask<AmazonS3Client> ClientAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _client) is { } ready)
        {
            return ready;
        }

        await _clientGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_client is null)
            {
                try
                {
                    _credentials ??= await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(_config).ConfigureAwait(false);
                }
                catch (AmazonClientException e)
                {
                    throw new ObjectStoreException("AccessDenied",
                        "No AWS credentials for the S3 store: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), or a profile or role the AWS SDK finds.", e);
                }

                Volatile.Write(ref _client, new AmazonS3Client(_credentials, _config));
            }

            return _client;
        }
        finally
        {
            _clientGate.Release();
        }
    }

    private static MemoryStream ReadOnlyStream(ReadOnlyMemory<byte> body) =>
        MemoryMarshal.TryGetArray(body, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(body.ToArray(), writable: false);

    private static bool IsMissing(AmazonS3Exception e) =>
        e.StatusCode == System.Net.HttpStatusCode.NotFound && e.ErrorCode is "NoSuchKey" or "NoSuchBucket" or "NotFound" or null or "";

    private static Dictionary<string, string> MetadataOf(MetadataCollection? metadata)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata is null)
        {
            return result;
        }

        foreach (var name in metadata.Keys)
        {
            var plain = name.StartsWith(MetadataHeaderPrefix, StringComparison.OrdinalIgnoreCase) ? name[MetadataHeaderPrefix.Length..] : name;
            result[plain.ToLowerInvariant()] = metadata[name];
        }

        return result;
    }

    private static DateTimeOffset Utc(DateTime? time) => time switch
    {
        null => DateTimeOffset.UnixEpoch,
        { Kind: DateTimeKind.Local } local => new DateTimeOffset(local.ToUniversalTime(), TimeSpan.Zero),
        { } other => new DateTimeOffset(DateTime.SpecifyKind(other, DateTimeKind.Utc), TimeSpan.Zero),
    };

    private static void ValidateNames(string bucket, string key)
    {
        ValidateBucket(bucket);
        if (!IsValidKey(key))
        {
            throw new ArgumentException("The object key is empty, longer than 1024 UTF-8 bytes, not valid UTF-16, or has a '.' or '..' segment.", nameof(key));
        }
    }

    private static void ValidateBucket(string bucket)
    {
        if (!LocalObjectStore.IsValidBucketName(bucket))
        {
            throw new ArgumentException($"'{bucket}' is not a valid bucket name.", nameof(bucket));
        }
    }

    /// <summary>
    /// Whether S3 can take <paramref name="key"/> as it is: 1–1024 UTF-8 bytes, and no <c>.</c> or <c>..</c>
    /// segment (HTTP clients resolve those away, so the request would name another key).
    /// </summary>
    internal static bool IsValidKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        int bytes;
        try
        {
            bytes = StrictUtf8.GetByteCount(key);
        }
        catch (EncoderFallbackException)
        {
            return false;
        }

        return bytes <= MaxKeyBytes && !key.Split('/').Any(segment => segment is "." or "..");
    }

    private static void ValidateMetadata(IReadOnlyDictionary<string, string> metadata)
    {
        foreach (var (name, value) in metadata)
        {
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.'))
            {
                throw new ArgumentException($"Metadata name '{name}' must be lowercase ASCII letters, digits, '-', '_' or '.' (S3 lowercases names).", nameof(metadata));
            }

            ArgumentNullException.ThrowIfNull(value, nameof(metadata));
            if (!value.All(c => c is >= ' ' and <= '~') || value.Trim().Length != value.Length)
            {
                throw new ArgumentException($"Metadata value of '{name}' must be printable ASCII without leading or trailing spaces (it travels as an HTTP header).", nameof(metadata));
            }
        }
    }
}
