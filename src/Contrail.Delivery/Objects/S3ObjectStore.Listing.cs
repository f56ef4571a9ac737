using Amazon.S3;
using Amazon.S3.Model;

namespace Contrail.Delivery.Objects;

/// <summary>Listing: ListObjectsV2 pages, as many as it takes to fill <c>maxKeys</c>.</summary>
public sealed partial class S3ObjectStore
{
    /// <summary>The most keys one ListObjectsV2 call returns.</summary>
    private const int MaxKeysPerCall = 1000;

    /// <inheritdoc/>
    /// <remarks>HeadBucket: 404 is false; a bucket these credentials may not read is <c>AccessDenied</c>.</remarks>
    public async Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken = default)
    {
        ValidateBucket(bucket);
        var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await client.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
        catch (Exception e) when (Translate(e, "HeadBucket", bucket, null, cancellationToken) is { } error)
        {
            throw error;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <paramref name="startAfter"/> goes to the first call, continuation tokens to the next ones;
    /// <paramref name="maxKeys"/> above 1000 takes several calls. With <paramref name="maxKeys"/> 0 one key is
    /// asked for, only to tell whether the listing is truncated.
    /// </remarks>
    public async Task<ObjectListing> ListAsync(string bucket, string? prefix, string? startAfter, int maxKeys,
        CancellationToken cancellationToken = default)
    {
        ValidateBucket(bucket);
        ArgumentOutOfRangeException.ThrowIfNegative(maxKeys);
        var client = await ClientAsync(cancellationToken).ConfigureAwait(false);
        var objects = new List<ObjectInfo>();
        string? continuation = null;
        while (true)
        {
            var remaining = maxKeys - objects.Count;
            var request = new ListObjectsV2Request
            {
                BucketName = bucket,
                Prefix = string.IsNullOrEmpty(prefix) ? null : prefix,
                StartAfter = continuation is null && !string.IsNullOrEmpty(startAfter) ? startAfter : null,
                ContinuationToken = continuation,
                MaxKeys = Math.Clamp(remaining, 1, MaxKeysPerCall),
            };
            ListObjectsV2Response response;
            try
            {
                response = await client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound && e.ErrorCode == "NoSuchBucket")
            {
                return new ObjectListing([], false);
            }
            catch (Exception e) when (Translate(e, "ListObjectsV2", bucket, prefix, cancellationToken) is { } error)
            {
                throw error;
            }

            var page = response.S3Objects ?? [];
            if (page.Count > remaining)
            {
                // Only when maxKeys is reached already (remaining 0): the one key asked for proves there is more.
                return new ObjectListing(objects, true);
            }

            foreach (var item in page)
            {
                // Listings carry no metadata (as LocalObjectStore's): a head per key would cost a call each.
                objects.Add(new ObjectInfo(item.Key, item.Size ?? 0, Utc(item.LastModified), new Dictionary<string, string>()) { ETag = item.ETag });
            }

            var truncated = response.IsTruncated == true;
            if (objects.Count >= maxKeys || !truncated || string.IsNullOrEmpty(response.NextContinuationToken))
            {
                return new ObjectListing(objects, truncated);
            }

            continuation = response.NextContinuationToken;
        }
    }
}
