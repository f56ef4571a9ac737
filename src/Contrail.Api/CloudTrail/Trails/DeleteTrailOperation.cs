using System.Text.Json;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary><c>DeleteTrail</c> (spec §4.3): forgets the trail; delivered files stay.</summary>
internal sealed class DeleteTrailOperation(TrailCatalog catalog, ServiceIdentity identity) : TrailOperation(catalog, identity)
{
    public override string Name => "DeleteTrail";

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = FindTrail(request, "Name", out var trail, out var arn);
        if (error is not null)
        {
            return TrailResult.Fail(error, arn);
        }

        return Catalog.Remove(trail!.Name)
            ? TrailResult.Ok(TrailResponses.Empty, arn)
            : TrailResult.Fail(TrailErrors.NotFound(trail.Name, Identity.AccountId), arn);
    }
}
