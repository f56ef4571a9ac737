using Contrail.Api.S3Read.Objects;
using Contrail.Delivery.Objects;

namespace Contrail.Api.S3Read.Buckets;

/// <summary>What ListObjects and ListObjectsV2 share: the page, the bucket check, the entries' XML.</summary>
internal static class BucketListing
{
    /// <summary>The page; null when the bucket does not exist (asked only when the page is empty).</summary>
    public static async Task<ListPage?> ListAsync(IObjectStore store, string bucket, ListParameters parameters, string? after, CancellationToken ct)
    {
        if (!LocalObjectStore.IsValidBucketName(bucket))
        {
            return null;
        }

        var page = await ObjectLister.ListAsync(store, bucket, parameters.Prefix, after, parameters.Delimiter, parameters.MaxKeys, ct).ConfigureAwait(false);
        var empty = page.Contents.Count == 0 && page.CommonPrefixes.Count == 0 && !page.IsTruncated;
        return empty && !await store.BucketExistsAsync(bucket, ct).ConfigureAwait(false) ? null : page;
    }

    /// <summary>Appends the page's <c>Contents</c> and then its <c>CommonPrefixes</c>, as S3 orders them.</summary>
    public static async Task AppendAsync(ListBucketResult result, ObjectETags etags, string bucket, ListPage page, CancellationToken ct)
    {
        foreach (var item in page.Contents)
        {
            result.Contents(item, await etags.OfAsync(bucket, item, ct).ConfigureAwait(false));
        }

        foreach (var prefix in page.CommonPrefixes)
        {
            result.CommonPrefix(prefix);
        }
    }
}
