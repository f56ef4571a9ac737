using System.Text.Json;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary><c>GetEventSelectors</c> (spec §4.4): the trail's basic or advanced selectors, as they were put.</summary>
internal sealed class GetEventSelectorsOperation(TrailCatalog catalog, ServiceIdentity identity) : TrailOperation(catalog, identity)
{
    public override string Name => "GetEventSelectors";

    public override bool ReadOnly => true;

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = FindTrail(request, "TrailName", out var trail, out var arn);
        return error is not null
            ? TrailResult.Fail(error, arn)
            : TrailResult.Ok(TrailResponses.Object(w => TrailResponses.WriteSelectors(w, trail!)), arn);
    }
}
