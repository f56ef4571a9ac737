using Contrail.Delivery.Objects;

namespace Contrail.Api.S3Read.Buckets;

/// <summary>One page of a listing: objects and common prefixes, each in S3 key order.</summary>
/// <param name="Last">The last key or common prefix on the page, where the next page starts after.</param>
internal sealed record ListPage(IReadOnlyList<ObjectInfo> Contents, IReadOnlyList<string> CommonPrefixes, bool IsTruncated, string? Last);

/// <summary>
/// ListObjects' walk over <see cref="IObjectStore.ListAsync"/>: keys strictly after a cursor, and with a
/// delimiter the keys that have one after the prefix rolled up into one common prefix each (up to and
/// including the delimiter). Keys and common prefixes together count against max-keys, as in S3.
/// </summary>
internal static class ObjectLister
{
    /// <summary>Keys asked of the store at once when rolling up (most of them may roll up into a few prefixes).</summary>
    private const int RollUpBatch = 1000;

    /// <summary>Past every key that starts with a prefix: the greatest code point (keys sort by code point).</summary>
    private const string PastPrefix = "\U0010FFFF";

    public static async Task<ListPage> ListAsync(IObjectStore store, string bucket, string prefix, string? after, string? delimiter, int maxKeys, CancellationToken ct)
    {
        if (maxKeys == 0)
        {
            return new ListPage([], [], false, null);
        }

        if (delimiter is null)
        {
            var page = await store.ListAsync(bucket, prefix, after, maxKeys, ct).ConfigureAwait(false);
            return new ListPage(page.Objects, [], page.IsTruncated, page.Objects.Count > 0 ? page.Objects[^1].Key : null);
        }

        var contents = new List<ObjectInfo>();
        var prefixes = new List<string>();
        string? last = null;
        string? lastPrefix = null;
        // A cursor inside a rolled-up prefix: that prefix was listed already, so the walk resumes past it.
        var cursor = after is not null && RollUp(after, prefix, delimiter) is { } started ? Max(after, started + PastPrefix) : after;
        while (true)
        {
            var page = await store.ListAsync(bucket, prefix, cursor, RollUpBatch, ct).ConfigureAwait(false);
            foreach (var item in page.Objects)
            {
                var common = RollUp(item.Key, prefix, delimiter);
                if (common is not null && (common == lastPrefix || (after is not null && ObjectKeyComparer.Instance.Compare(common, after) <= 0)))
                {
                    continue;
                }

                if (contents.Count + prefixes.Count == maxKeys)
                {
                    return new ListPage(contents, prefixes, true, last);
                }

                if (common is null)
                {
                    contents.Add(item);
                    last = item.Key;
                }
                else
                {
                    prefixes.Add(common);
                    last = lastPrefix = common;
                }
            }

            if (!page.IsTruncated || page.Objects.Count == 0)
            {
                return new ListPage(contents, prefixes, false, last);
            }

            cursor = page.Objects[^1].Key;
            if (lastPrefix is not null && cursor.StartsWith(lastPrefix, StringComparison.Ordinal))
            {
                cursor = lastPrefix + PastPrefix;
            }
        }
    }

    /// <summary>The common prefix <paramref name="key"/> rolls up into, or null when it has no delimiter after the prefix.</summary>
    private static string? RollUp(string key, string prefix, string delimiter)
    {
        if (!key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
        return at < 0 ? null : key[..(at + delimiter.Length)];
    }

    private static string Max(string a, string b) => ObjectKeyComparer.Instance.Compare(a, b) >= 0 ? a : b;
}
