using System.Collections.Concurrent;
using System.Security.Cryptography;
using Contrail.Delivery.Objects;

namespace Contrail.Api.S3Read.Objects;

/// <summary>
/// Entity tags as S3 gives them for single-part objects: the quoted MD5 hex of the body. A store that
/// keeps one (S3) is taken at its word; for one that does not (the embedded store) the body is hashed
/// once and remembered by (bucket, key, size, last-modified), so that a listing, a HEAD and a GET agree
/// and a re-listing reads nothing. Thread-safe; at most <see cref="MaxEntries"/> are remembered.
/// </summary>
internal sealed class ObjectETags(IObjectStore store)
{
    /// <summary>Beyond this many, the memory is cleared (about 200 bytes each).</summary>
    public const int MaxEntries = 65536;

    private readonly ConcurrentDictionary<(string Bucket, string Key), (long Size, DateTimeOffset Modified, string ETag)> _known = new();

    /// <summary>The object's ETag, reading its body if need be; null when it is gone meanwhile.</summary>
    public async ValueTask<string?> OfAsync(string bucket, ObjectInfo info, CancellationToken ct)
    {
        if (info.ETag is { } given)
        {
            return given;
        }

        if (_known.TryGetValue((bucket, info.Key), out var known) && known.Size == info.Size && known.Modified == info.LastModified)
        {
            return known.ETag;
        }

        var stored = await store.GetAsync(bucket, info.Key, ct).ConfigureAwait(false);
        return stored is null ? null : Remember(bucket, info, stored.Body.Span);
    }

    /// <summary>The ETag of <paramref name="body"/>, remembered for <paramref name="info"/> when the sizes agree.</summary>
    public string Remember(string bucket, ObjectInfo info, ReadOnlySpan<byte> body)
    {
        var etag = Of(body);
        // A size that differs means the body read is not the version listed: nothing to remember.
        if (body.Length == info.Size)
        {
            if (_known.Count >= MaxEntries)
            {
                _known.Clear();
            }

            _known[(bucket, info.Key)] = (info.Size, info.LastModified, etag);
        }

        return etag;
    }

    /// <summary><c>"md5hex"</c>, quotes included.</summary>
    public static string Of(ReadOnlySpan<byte> body) => $"\"{Convert.ToHexStringLower(MD5.HashData(body))}\"";
}
