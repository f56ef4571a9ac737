using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.S3Read.Objects;
using Contrail.Delivery.Objects;

namespace Contrail.Api.S3Read.Buckets;

/// <summary>
/// ListObjects (V1): <c>GET /BUCKET[?prefix&amp;marker&amp;max-keys&amp;delimiter&amp;encoding-type]</c>, keys
/// strictly after <c>marker</c>. A truncated page always carries <c>NextMarker</c> (S3 sends it only with a
/// delimiter; clients otherwise take the last key, which is the same).
/// </summary>
internal sealed class ListObjectsOperation(IObjectStore store, ObjectETags etags) : S3Operation
{
    public override string Name => "ListObjects";

    public override bool Management => false;

    public override async Task<CallOutcome> InvokeAsync(S3Address address, ApiCall call, CancellationToken ct)
    {
        if (ListParameters.Parse(call.Query, out var parameters) is { } invalid)
        {
            return S3Outcomes.Fail(invalid, address, call);
        }

        var marker = ListParameters.First(call.Query, "marker");
        var page = await BucketListing.ListAsync(store, address.Bucket, parameters, string.IsNullOrEmpty(marker) ? null : marker, ct).ConfigureAwait(false);
        if (page is null)
        {
            return S3Outcomes.Fail(S3Errors.MissingBucket(address.Bucket), address, call);
        }

        var result = new ListBucketResult(address.Bucket, parameters)
            .Name("Prefix", parameters.Prefix)
            .Name("Marker", marker ?? "")
            .Paging(page.IsTruncated);
        if (page.IsTruncated && page.Last is { } last)
        {
            result.Name("NextMarker", last);
        }

        await BucketListing.AppendAsync(result, etags, address.Bucket, page, ct).ConfigureAwait(false);
        return S3Outcomes.Ok(new RestReply(200, "application/xml", result.ToBytes()), address, call);
    }
}
