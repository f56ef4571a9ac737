using System.Text.Json;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary><c>GetTrail</c> (spec §4.3): <c>{"Trail": Trail}</c>.</summary>
internal sealed class GetTrailOperation(TrailCatalog catalog, ServiceIdentity identity) : TrailOperation(catalog, identity)
{
    public override string Name => "GetTrail";

    public override bool ReadOnly => true;

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = FindTrail(request, "Name", out var trail, out var arn);
        if (error is not null)
        {
            return TrailResult.Fail(error, arn);
        }

        return TrailResult.Ok(TrailResponses.Object(w =>
        {
            w.WritePropertyName("Trail");
            TrailResponses.WriteTrail(w, trail!);
        }), arn);
    }
}
