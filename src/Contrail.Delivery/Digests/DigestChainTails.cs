using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Contrail.Delivery.Objects;

namespace Contrail.Delivery.Digests;

/// <summary>
/// Reads back the newest digest of each region a trail delivered digests to, so that a trail whose
/// delivery state is lost continues its chains instead of silently starting new ones (spec §2.3).
/// </summary>
public static class DigestChainTails
{
    private const int Page = 1000;

    /// <summary>
    /// The newest readable digest per region of trail <paramref name="trailName"/> (home region
    /// <paramref name="homeRegion"/>) under the trail's key prefix, by the time in its name. A digest that
    /// is not gzip JSON with an end time and a signature is passed over for the one before it.
    /// </summary>
    /// <exception cref="IOException">The store failed (<see cref="ObjectStoreException"/>).</exception>
    public static async Task<IReadOnlyList<DigestChainTail>> FindAsync(IObjectStore store, string bucket, string? keyPrefix, string? organizationId,
        string accountId, string trailName, string homeRegion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var account = organizationId is null ? $"AWSLogs/{accountId}" : $"AWSLogs/{organizationId}/{accountId}";
        var listPrefix = (string.IsNullOrEmpty(keyPrefix) ? string.Empty : keyPrefix + "/") + account + "/CloudTrail-Digest/";
        var suffixMarker = $"_{trailName}_{homeRegion}_";

        // Region → its digest keys of this trail, with the time in their names.
        var byRegion = new Dictionary<string, List<(DateTimeOffset Time, string Key)>>(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            var listing = await store.ListAsync(bucket, listPrefix, after, Page, cancellationToken).ConfigureAwait(false);
            foreach (var info in listing.Objects)
            {
                if (RegionOf(info.Key, listPrefix, accountId, suffixMarker) is { } region && TimeOf(info.Key) is { } time)
                {
                    if (!byRegion.TryGetValue(region, out var keys))
                    {
                        byRegion[region] = keys = [];
                    }

                    keys.Add((time, info.Key));
                }
            }

            if (!listing.IsTruncated || listing.Objects.Count == 0)
            {
                break;
            }

            after = listing.Objects[^1].Key;
        }

        var tails = new List<DigestChainTail>();
        foreach (var (region, keys) in byRegion.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            foreach (var (_, key) in keys.OrderByDescending(k => k.Time))
            {
                if (await ReadAsync(store, bucket, key, region, cancellationToken).ConfigureAwait(false) is { } tail)
                {
                    tails.Add(tail);
                    break;
                }
            }
        }

        return tails;
    }

    // [prefix/]AWSLogs/[org/]account/CloudTrail-Digest/REGION/YYYY/MM/DD/account_CloudTrail-Digest_REGION_TRAIL_HOME_STAMP.json.gz
    private static string? RegionOf(string key, string listPrefix, string accountId, string suffixMarker)
    {
        var rest = key.AsSpan(listPrefix.Length);
        var slash = rest.IndexOf('/');
        if (slash <= 0 || !key.EndsWith(".json.gz", StringComparison.Ordinal) || key.EndsWith("_backfill.json.gz", StringComparison.Ordinal))
        {
            return null;
        }

        var region = rest[..slash].ToString();
        var name = key[(key.LastIndexOf('/') + 1)..];
        var expectedStart = $"{accountId}_CloudTrail-Digest_{region}{suffixMarker}";
        return name.StartsWith(expectedStart, StringComparison.Ordinal) && name.Length == expectedStart.Length + "YYYYMMDDTHHMMSSZ.json.gz".Length
            ? region
            : null;
    }

    private static DateTimeOffset? TimeOf(string key) =>
        DateTimeOffset.TryParseExact(key[^24..^8], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;

    private static async Task<DigestChainTail?> ReadAsync(IObjectStore store, string bucket, string key, string region, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        if (stored is null || !stored.Metadata.TryGetValue(DigestFile.SignatureMetadata, out var signature) || signature.Length == 0)
        {
            return null;
        }

        byte[] json;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(stored.Body.ToArray()), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            await gzip.CopyToAsync(plain, cancellationToken).ConfigureAwait(false);
            json = plain.ToArray();
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("digestEndTime", out var endText)
                || endText.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParseExact(endText.GetString(), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var end))
            {
                return null;
            }

            return new DigestChainTail(region, end, new DigestLink(bucket, key, Convert.ToHexStringLower(SHA256.HashData(json)), signature));
        }
        catch (Exception e) when (e is InvalidDataException or JsonException)
        {
            return null;
        }
    }
}
