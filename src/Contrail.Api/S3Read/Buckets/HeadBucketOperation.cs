using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;
using Contrail.Delivery.Objects;

namespace Contrail.Api.S3Read.Buckets;

/// <summary>HeadBucket: <c>HEAD /BUCKET</c>, 200 with <c>x-amz-bucket-region</c> when the bucket exists, else 404. A management event.</summary>
internal sealed class HeadBucketOperation(IObjectStore store, ServiceIdentity identity) : S3Operation
{
    public override string Name => "HeadBucket";

    public override bool Management => true;

    public override async Task<CallOutcome> InvokeAsync(S3Address address, ApiCall call, CancellationToken ct)
    {
        if (!LocalObjectStore.IsValidBucketName(address.Bucket) || !await store.BucketExistsAsync(address.Bucket, ct).ConfigureAwait(false))
        {
            return S3Outcomes.Fail(S3Errors.MissingBucket(address.Bucket), address, call);
        }

        var reply = new RestReply(200, "application/xml", ReadOnlyMemory<byte>.Empty) { Headers = [new("x-amz-bucket-region", identity.Region)] };
        return S3Outcomes.Ok(reply, address, call);
    }
}
