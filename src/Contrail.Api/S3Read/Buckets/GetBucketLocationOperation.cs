using System.Text;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;
using Contrail.Delivery.Objects;

namespace Contrail.Api.S3Read.Buckets;

/// <summary>
/// GetBucketLocation: <c>GET /BUCKET?location</c>. The service's region, which S3 writes as an empty
/// <c>LocationConstraint</c> for us-east-1 (clients read empty as us-east-1, spec §3.2). A management event.
/// </summary>
internal sealed class GetBucketLocationOperation(IObjectStore store, ServiceIdentity identity) : S3Operation
{
    public override string Name => "GetBucketLocation";

    public override bool Management => true;

    public override async Task<CallOutcome> InvokeAsync(S3Address address, ApiCall call, CancellationToken ct)
    {
        if (!LocalObjectStore.IsValidBucketName(address.Bucket) || !await store.BucketExistsAsync(address.Bucket, ct).ConfigureAwait(false))
        {
            return S3Outcomes.Fail(S3Errors.MissingBucket(address.Bucket), address, call);
        }

        return S3Outcomes.Ok(new RestReply(200, "application/xml", Document(identity.Region)), address, call);
    }

    public static byte[] Document(string region)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LocationConstraint xmlns=\"").Append(ListBucketResult.Namespace).Append('"');
        xml = region == ServiceIdentity.DefaultRegion
            ? xml.Append("/>")
            : xml.Append('>').AppendEscaped(region).Append("</LocationConstraint>");
        return Encoding.UTF8.GetBytes(xml.ToString());
    }
}
