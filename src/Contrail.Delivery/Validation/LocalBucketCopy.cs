using System.Text.Json;
using Contrail.Delivery.Objects;

namespace Contrail.Delivery.Validation;

/// <summary>
/// A read-only <see cref="IObjectStore"/> over a local copy of one bucket (<c>aws s3 sync s3://B DIR</c>):
/// object <c>K</c> of bucket <c>B</c> is the file <c>DIR/K</c>. For validating offline (docs/validate-logs.md,
/// "Offline"). Thread-safe.
/// </summary>
/// <remarks>
/// A copy loses S3 user metadata, which digests need (<c>signature</c>, <c>signature-algorithm</c>), so
/// each object's metadata is read from the first of these that exists:
/// <list type="number">
/// <item><c>DIR/K.metadata.json</c>: the output of <c>aws s3api head-object</c> (its <c>Metadata</c> object)
/// or a plain JSON object of strings;</item>
/// <item><c>DIR/K.signature</c>: the hex signature as text (surrounding white space ignored); the algorithm is
/// then <c>SHA256withRSA</c>;</item>
/// <item>when DIR is a bucket of Contrail's own data directory (<c>DATA_DIR/buckets/B</c>), the
/// <see cref="LocalObjectStore"/> metadata file <c>DATA_DIR/object-metadata/B/K</c>.</item>
/// </list>
/// Files named <c>*.metadata.json</c> or <c>*.signature</c> are not objects: listings skip them.
/// </remarks>
public sealed class LocalBucketCopy : IObjectStore
{
    /// <summary>The metadata sidecar suffix: <c>K.metadata.json</c>.</summary>
    public const string MetadataSuffix = ".metadata.json";

    /// <summary>The signature sidecar suffix: <c>K.signature</c>.</summary>
    public const string SignatureSuffix = ".signature";

    private readonly string? _contrailMetadata;

    /// <summary>Creates the store.</summary>
    /// <param name="directory">The bucket's root directory (holds <c>AWSLogs/</c>).</param>
    /// <param name="bucket">The bucket it is a copy of: the only bucket with objects here.</param>
    public LocalBucketCopy(string directory, string bucket)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        Directory = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        Bucket = bucket;
        var parent = Path.GetDirectoryName(Directory);
        if (parent is not null && Path.GetFileName(parent) == "buckets")
        {
            var metadata = Path.Combine(Path.GetDirectoryName(parent)!, "object-metadata", Path.GetFileName(Directory));
            _contrailMetadata = System.IO.Directory.Exists(metadata) ? metadata : null;
        }
    }

    /// <summary>The bucket's root directory (absolute).</summary>
    public string Directory { get; }

    /// <summary>The bucket this is a copy of.</summary>
    public string Bucket { get; }

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">Always: a copy is read-only.</exception>
    public Task PutAsync(string bucket, string key, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string> metadata,
        ObjectWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("A local bucket copy is read-only.");

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">Always: a copy is read-only.</exception>
    public Task<bool> DeleteAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("A local bucket copy is read-only.");

    /// <inheritdoc/>
    public async Task<StoredObject?> GetAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        if (PathOf(bucket, key) is not { } path)
        {
            return null;
        }

        byte[] body;
        try
        {
            body = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return new StoredObject(body, await MetadataAsync(key, path, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc/>
    public async Task<OpenedObject?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        if (PathOf(bucket, key) is not { } path)
        {
            return null;
        }

        FileStream body;
        try
        {
            body = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            return new OpenedObject(body, body.Length, await MetadataAsync(key, path, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            await body.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        if (PathOf(bucket, key) is not { } path || !File.Exists(path))
        {
            return null;
        }

        var info = new FileInfo(path);
        return new ObjectInfo(key, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero),
            await MetadataAsync(key, path, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc/>
    /// <remarks>Only <see cref="Bucket"/> exists, while its directory does.</remarks>
    public Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken = default) =>
        Task.FromResult(bucket == Bucket && System.IO.Directory.Exists(Directory));

    /// <inheritdoc/>
    public Task<ObjectListing> ListAsync(string bucket, string? prefix, string? startAfter, int maxKeys, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxKeys);
        prefix ??= string.Empty;
        var empty = Task.FromResult(new ObjectListing([], false));
        if (bucket != Bucket || prefix.Contains('\0', StringComparison.Ordinal))
        {
            return empty;
        }

        // Start at the deepest directory the prefix names; nothing matches if it escapes the copy.
        var slash = prefix.LastIndexOf('/');
        var start = slash < 0 ? Directory : Path.GetFullPath(Path.Combine(Directory, prefix[..slash]));
        if (start != Directory && !start.StartsWith(Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return empty;
        }

        var matches = new List<ObjectInfo>();
        if (System.IO.Directory.Exists(start))
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
            foreach (var file in new DirectoryInfo(start).EnumerateFiles("*", options))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var key = Path.GetRelativePath(Directory, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
                if (IsSidecar(key) || !key.StartsWith(prefix, StringComparison.Ordinal)
                    || (startAfter is not null && ObjectKeyComparer.Instance.Compare(key, startAfter) <= 0))
                {
                    continue;
                }

                matches.Add(new ObjectInfo(key, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero), new Dictionary<string, string>()));
            }
        }

        matches.Sort((a, b) => ObjectKeyComparer.Instance.Compare(a.Key, b.Key));
        var truncated = matches.Count > maxKeys;
        return Task.FromResult(new ObjectListing(truncated ? matches.GetRange(0, maxKeys) : matches, truncated));
    }

    private static bool IsSidecar(string key) =>
        key.EndsWith(MetadataSuffix, StringComparison.Ordinal) || key.EndsWith(SignatureSuffix, StringComparison.Ordinal);

    // The file of an object of this copy; null for another bucket or a key that leaves the directory.
    private string? PathOf(string bucket, string key)
    {
        if (bucket != Bucket || string.IsNullOrEmpty(key) || key.Contains('\0', StringComparison.Ordinal) || IsSidecar(key))
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(Directory, key));
        return path.StartsWith(Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : null;
    }

    private async Task<IReadOnlyDictionary<string, string>> MetadataAsync(string key, string path, CancellationToken cancellationToken)
    {
        if (File.Exists(path + MetadataSuffix))
        {
            using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(path + MetadataSuffix, cancellationToken).ConfigureAwait(false));
            var root = document.RootElement;
            return Strings(root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Metadata", out var headObject) ? headObject : root);
        }

        if (File.Exists(path + SignatureSuffix))
        {
            var signature = (await File.ReadAllTextAsync(path + SignatureSuffix, cancellationToken).ConfigureAwait(false)).Trim();
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["signature"] = signature,
                ["signature-algorithm"] = "SHA256withRSA",
            };
        }

        if (_contrailMetadata is not null)
        {
            var sidecar = Path.GetFullPath(Path.Combine(_contrailMetadata, key));
            if (sidecar.StartsWith(_contrailMetadata + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(sidecar))
            {
                using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(sidecar, cancellationToken).ConfigureAwait(false));
                return Strings(document.RootElement);
            }
        }

        return new Dictionary<string, string>();
    }

    // S3 lower-cases user metadata names; a head-object output already has them lower case.
    private static Dictionary<string, string> Strings(JsonElement element)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    metadata[property.Name.ToLowerInvariant()] = property.Value.GetString()!;
                }
            }
        }

        return metadata;
    }
}
