using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Delivery.Objects;

namespace Contrail.Api.S3Read.Objects;

/// <summary>
/// GetObject and HeadObject: the stored bytes as they are (a log file's gzip, with no
/// <c>Content-Encoding</c>), one <c>Range</c> honoured (206), the user metadata as <c>x-amz-meta-*</c>.
/// A missing object is <c>NoSuchKey</c> (<c>NoSuchBucket</c> when its bucket is missing too).
/// </summary>
internal abstract class ObjectReadOperation(IObjectStore store, ObjectETags etags) : S3Operation
{
    public override bool Management => false;

    /// <summary>True for GetObject: the body is read and sent.</summary>
    protected abstract bool SendsBody { get; }

    public override async Task<CallOutcome> InvokeAsync(S3Address address, ApiCall call, CancellationToken ct)
    {
        var key = address.Key!;
        if (!LocalObjectStore.IsValidBucketName(address.Bucket))
        {
            return S3Outcomes.Fail(S3Errors.MissingBucket(address.Bucket), address, call);
        }

        ObjectInfo? info;
        StoredObject? stored = null;
        try
        {
            info = await store.HeadAsync(address.Bucket, key, ct).ConfigureAwait(false);
            if (info is not null && SendsBody)
            {
                stored = await store.GetAsync(address.Bucket, key, ct).ConfigureAwait(false);
            }
        }
        catch (ArgumentException)
        {
            // A key this store cannot hold ('.' segments, NUL, too long): it holds no such object.
            info = null;
        }

        if (info is null || (SendsBody && stored is null))
        {
            var error = await store.BucketExistsAsync(address.Bucket, ct).ConfigureAwait(false) ? S3Errors.MissingKey(key) : S3Errors.MissingBucket(address.Bucket);
            return S3Outcomes.Fail(error, address, call);
        }

        // GET: the size is the body's (it wins if a put came between head and get).
        var size = stored?.Body.Length ?? info.Size;
        var kind = ObjectRange.Parse(call.Headers.Range.ToString(), size, out var range);
        if (kind == ObjectRange.Kind.Unsatisfiable)
        {
            return S3Outcomes.Fail(S3Errors.Unsatisfiable(size), address, call);
        }

        var etag = stored is not null ? info.ETag ?? etags.Remember(address.Bucket, info, stored.Body.Span) : await etags.OfAsync(address.Bucket, info, ct).ConfigureAwait(false);
        var headers = ObjectHeaders.For(etag, info.LastModified, stored?.Metadata ?? info.Metadata, call.Query);
        if (kind == ObjectRange.Kind.Partial)
        {
            headers.Add(new("Content-Range", range.ContentRange(size)));
        }

        var body = stored is null ? ReadOnlyMemory<byte>.Empty : stored.Body.Slice((int)range.Start, (int)range.Length);
        var reply = new RestReply(kind == ObjectRange.Kind.Partial ? 206 : 200, ObjectHeaders.ContentType(call.Query), body)
        {
            Headers = headers,
            ContentLength = range.Length,
        };
        return S3Outcomes.Ok(reply, address, call);
    }
}
