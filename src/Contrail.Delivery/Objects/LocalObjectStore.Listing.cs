namespace Contrail.Delivery.Objects;

/// <summary>Listing: a walk of the bucket's directory tree below the prefix's directory part.</summary>
public sealed partial class LocalObjectStore
{
    /// <inheritdoc/>
    public Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken = default)
    {
        ValidateBucket(bucket);
        return Task.FromResult(Directory.Exists(Path.Combine(BucketsDirectory, bucket)));
    }

    /// <inheritdoc/>
    /// <remarks>Cost: every file below the prefix's deepest directory is visited (no index); fine for a local store.</remarks>
    public Task<ObjectListing> ListAsync(string bucket, string? prefix, string? startAfter, int maxKeys,
        CancellationToken cancellationToken = default)
    {
        ValidateBucket(bucket);
        ArgumentOutOfRangeException.ThrowIfNegative(maxKeys);
        prefix ??= string.Empty;
        var empty = Task.FromResult(new ObjectListing([], false));
        if (prefix.Contains('\0', StringComparison.Ordinal))
        {
            return empty;
        }

        // Only whole segments before the last '/' name a directory; if one cannot be part of a key, nothing matches.
        var bucketRoot = Path.Combine(BucketsDirectory, bucket);
        var slash = prefix.LastIndexOf('/');
        var start = bucketRoot;
        if (slash >= 0)
        {
            var directoryPart = prefix[..slash];
            if (!directoryPart.Split('/').All(IsValidSegment))
            {
                return empty;
            }

            start = Path.Combine(bucketRoot, directoryPart);
        }

        var matches = new List<ObjectInfo>();
        var directory = new DirectoryInfo(start);
        if (directory.Exists)
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
            foreach (var file in directory.EnumerateFiles("*", options))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (file.Name.StartsWith(TempFilePrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var key = Path.GetRelativePath(bucketRoot, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
                if (!key.StartsWith(prefix, StringComparison.Ordinal)
                    || (startAfter is not null && ObjectKeyComparer.Instance.Compare(key, startAfter) <= 0))
                {
                    continue;
                }

                matches.Add(new ObjectInfo(key, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero),
                    new Dictionary<string, string>()));
            }
        }

        matches.Sort((a, b) => ObjectKeyComparer.Instance.Compare(a.Key, b.Key));
        var truncated = matches.Count > maxKeys;
        IReadOnlyList<ObjectInfo> page = truncated ? matches.GetRange(0, maxKeys) : matches;
        return Task.FromResult(new ObjectListing(page, truncated));
    }
}
