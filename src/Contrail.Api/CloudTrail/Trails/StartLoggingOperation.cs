using System.Text.Json;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary><c>StartLogging</c> (spec §4.3): the trail logs from now; starting a logging trail keeps its start time.</summary>
internal sealed class StartLoggingOperation(TrailCatalog catalog, ServiceIdentity identity, TimeProvider time) : TrailOperation(catalog, identity)
{
    public override string Name => "StartLogging";

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = FindTrail(request, "Name", out var trail, out var arn);
        if (error is not null)
        {
            return TrailResult.Fail(error, arn);
        }

        var now = time.GetUtcNow();
        var updated = Catalog.Update(trail!.Name, t => t.IsLogging ? t : t with { IsLogging = true, StartLoggingTime = now });
        return updated is null
            ? TrailResult.Fail(TrailErrors.NotFound(trail.Name, Identity.AccountId), arn)
            : TrailResult.Ok(TrailResponses.Empty, arn);
    }
}
