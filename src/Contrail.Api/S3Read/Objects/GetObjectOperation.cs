using Contrail.Delivery.Objects;

namespace Contrail.Api.S3Read.Objects;

/// <summary>GetObject: <c>GET /BUCKET/KEY</c>.</summary>
internal sealed class GetObjectOperation(IObjectStore store, ObjectETags etags) : ObjectReadOperation(store, etags)
{
    public override string Name => "GetObject";

    protected override bool SendsBody => true;
}
