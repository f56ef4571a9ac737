using Contrail.Delivery.Objects;

namespace Contrail.Api.S3Read.Objects;

/// <summary>HeadObject: <c>HEAD /BUCKET/KEY</c>, GetObject's headers without the body.</summary>
internal sealed class HeadObjectOperation(IObjectStore store, ObjectETags etags) : ObjectReadOperation(store, etags)
{
    public override string Name => "HeadObject";

    protected override bool SendsBody => false;
}
