using System.Text;

namespace Contrail.Delivery.Objects;

/// <summary>
/// An <see cref="IObjectStore"/> on the local file system, laid out like S3 buckets so that the tree
/// holds exactly the objects (docs/dev/log-file-format.md, "Local object store"):
/// <code>
/// DATA_DIR/buckets/B/K                 object K of bucket B ('/' in K are directories)
/// DATA_DIR/object-metadata/B/K         its user metadata, a JSON object of strings
/// …/.tmp-&lt;guid&gt;                        a write in progress (or left by a crash); never listed
/// </code>
/// Writes are atomic and durable: temp file in the target directory, fsync, rename over, fsync
/// the directory; the metadata is written that way before the object. Thread-safe: operations
/// on one key are serialized (striped locks); listings read the directory tree without locks and
/// see each object either before or after a concurrent put. Files are created 0600, directories 0700.
/// </summary>
/// <remarks>
/// Limits of a file-system layout: a key cannot be both an object and a "directory" of other keys
/// (<c>a/b</c> and <c>a/b/c</c>): the second put throws <see cref="IOException"/>. Keys must not
/// contain NUL, empty segments (<c>a//b</c>, a leading <c>/</c>), <c>.</c> or <c>..</c> segments,
/// segments starting with <c>.tmp-</c> or longer than 255 UTF-8 bytes. Empty directories left by
/// deletes are kept. A bucket exists once something is put in it.
/// </remarks>
public sealed partial class LocalObjectStore : IObjectStore
{
    /// <summary>File names starting with this are temporary and never listed.</summary>
    public const string TempFilePrefix = ".tmp-";

    private const int MaxKeyBytes = 1024;
    private const int MaxSegmentBytes = 255;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly SemaphoreSlim[] _locks;

    /// <summary>Creates a store rooted at <paramref name="dataDirectory"/> (created if missing).</summary>
    public LocalObjectStore(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        DataDirectory = Path.GetFullPath(dataDirectory);
        BucketsDirectory = Path.Combine(DataDirectory, "buckets");
        MetadataDirectory = Path.Combine(DataDirectory, "object-metadata");
        _locks = new SemaphoreSlim[64];
        for (var i = 0; i < _locks.Length; i++)
        {
            _locks[i] = new SemaphoreSlim(1, 1);
        }
    }

    /// <summary>The data directory (absolute).</summary>
    public string DataDirectory { get; }

    /// <summary>Where the buckets live: <c>DATA_DIR/buckets</c>.</summary>
    public string BucketsDirectory { get; }

    /// <summary>Where the object metadata lives: <c>DATA_DIR/object-metadata</c>.</summary>
    public string MetadataDirectory { get; }

    /// <summary>Whether <paramref name="bucket"/> follows S3's naming rules (3–63 of [a-z0-9.-], letter or digit at both ends, no "..").</summary>
    public static bool IsValidBucketName(string? bucket) =>
        bucket is { Length: >= 3 and <= 63 }
        && char.IsAsciiLetterLower(bucket[0]) | char.IsAsciiDigit(bucket[0])
        && char.IsAsciiLetterLower(bucket[^1]) | char.IsAsciiDigit(bucket[^1])
        && !bucket.Contains("..", StringComparison.Ordinal)
        && bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-');

    /// <summary>Whether <paramref name="key"/> can be stored here (see the remarks on <see cref="LocalObjectStore"/>).</summary>
    public static bool IsValidKey(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Contains('\0', StringComparison.Ordinal) || Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
        {
            return false;
        }

        foreach (var segment in key.Split('/'))
        {
            if (!IsValidSegment(segment))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidSegment(string segment) =>
        segment.Length > 0
        && segment is not ("." or "..")
        && !segment.StartsWith(TempFilePrefix, StringComparison.Ordinal)
        && Encoding.UTF8.GetByteCount(segment) <= MaxSegmentBytes;

    private static void ValidateBucket(string bucket)
    {
        if (!IsValidBucketName(bucket))
        {
            throw new ArgumentException($"'{bucket}' is not a valid bucket name.", nameof(bucket));
        }
    }

    private static void ValidateKey(string key)
    {
        if (!IsValidKey(key))
        {
            throw new ArgumentException("The object key is empty, too long, or has a NUL, an empty, '.', '..' or '.tmp-' segment.", nameof(key));
        }
    }

    // Both paths of an object, checked to stay under their roots (defence in depth after validation).
    private (string Object, string Metadata) PathsOf(string bucket, string key)
    {
        ValidateBucket(bucket);
        ValidateKey(key);
        var objectPath = Path.GetFullPath(Path.Combine(BucketsDirectory, bucket, key));
        var metadataPath = Path.GetFullPath(Path.Combine(MetadataDirectory, bucket, key));
        if (!objectPath.StartsWith(Path.Combine(BucketsDirectory, bucket) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || !metadataPath.StartsWith(Path.Combine(MetadataDirectory, bucket) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("The object key escapes the bucket.", nameof(key));
        }

        return (objectPath, metadataPath);
    }

    private SemaphoreSlim LockFor(string bucket, string key) =>
        _locks[(uint)HashCode.Combine(StringComparer.Ordinal.GetHashCode(bucket), StringComparer.Ordinal.GetHashCode(key)) % (uint)_locks.Length];
}
