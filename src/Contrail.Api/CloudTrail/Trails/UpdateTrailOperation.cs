using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary><c>UpdateTrail</c> (spec §4.3): only the members given change.</summary>
internal sealed class UpdateTrailOperation(TrailCatalog catalog, ServiceIdentity identity) : TrailOperation(catalog, identity)
{
    public override string Name => "UpdateTrail";

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = FindTrail(request, "Name", out var trail, out var arn);
        if (error is not null)
        {
            return TrailResult.Fail(error, arn);
        }

        var (settings, settingsError) = TrailSettings.Parse(request, Identity);
        if (settingsError is not null)
        {
            return TrailResult.Fail(settingsError, arn);
        }

        ApiError? conflict = null;
        var updated = Catalog.Update(trail!.Name, current =>
        {
            var next = settings!.ApplyTo(current);
            if (next.IsMultiRegionTrail && !next.IncludeGlobalServiceEvents)
            {
                conflict = new ApiError(TrailErrors.InvalidParameterCombination, "Multi-Region trail must include global service events.");
                return current;
            }

            return next;
        });
        if (conflict is not null)
        {
            return TrailResult.Fail(conflict, arn);
        }

        return updated is null
            ? TrailResult.Fail(TrailErrors.NotFound(trail.Name, Identity.AccountId), arn)
            : TrailResult.Ok(TrailResponses.Object(w => TrailResponses.WriteSettings(w, updated)), arn);
    }
}
