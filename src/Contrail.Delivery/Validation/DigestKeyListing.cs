using Contrail.Delivery.Objects;

namespace Contrail.Delivery.Validation;

/// <summary>
/// Lists a trail's digest keys in a time range as the AWS CLI does (spec §3.3 step 1; AWS CLI v1
/// <c>DigestProvider.load_all_digest_keys_in_range</c>): from the marker on, in key order, keeping keys that
/// match the pattern and whose name time is at or after the start, and stopping at the first one after
/// end + 1 hour. Standard and backfill keys are kept apart. A listing is made once per
/// (bucket, prefix, start, end) and its lists are handed out to be consumed (the traversal pops them).
/// </summary>
internal sealed class DigestKeyListing(IObjectStore store, DigestKeyLayout layout)
{
    private const int PageSize = 1000;

    private readonly Dictionary<(string Bucket, string Prefix, DateTimeOffset Start, DateTimeOffset End), (List<string> Standard, List<string> Backfill)> _cache = [];

    public async Task<List<string>> KeysAsync(string bucket, string? prefix, DateTimeOffset start, DateTimeOffset end, bool backfill, CancellationToken cancellationToken)
    {
        var cacheKey = (bucket, prefix ?? string.Empty, start, end);
        if (!_cache.TryGetValue(cacheKey, out var lists))
        {
            lists = await ListAsync(bucket, prefix, start, end, cancellationToken).ConfigureAwait(false);
            _cache[cacheKey] = lists;
        }

        return backfill ? lists.Backfill : lists.Standard;
    }

    private async Task<(List<string>, List<string>)> ListAsync(string bucket, string? prefix, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var standard = new List<string>();
        var backfill = new List<string>();
        var pattern = layout.Pattern(prefix);
        var listPrefix = layout.ListPrefix(prefix);
        var targetStart = ValidationDates.KeyStamp(start);
        var targetEnd = ValidationDates.KeyStamp(end.AddHours(1));
        var after = layout.Marker(start, prefix);
        while (true)
        {
            var page = await store.ListAsync(bucket, listPrefix, after, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Objects)
            {
                var key = item.Key;
                if (string.IsNullOrEmpty(key) || !pattern.IsMatch(key))
                {
                    continue;
                }

                // Lexicographic, as the AWS CLI compares these strings.
                var date = DigestKeyLayout.KeyDate(key);
                if (string.CompareOrdinal(date, targetEnd) > 0)
                {
                    return (standard, backfill);
                }

                if (string.CompareOrdinal(date, targetStart) < 0)
                {
                    continue;
                }

                (DigestKeyLayout.IsBackfill(key) ? backfill : standard).Add(key);
            }

            if (!page.IsTruncated || page.Objects.Count == 0)
            {
                return (standard, backfill);
            }

            after = page.Objects[^1].Key;
        }
    }
}
