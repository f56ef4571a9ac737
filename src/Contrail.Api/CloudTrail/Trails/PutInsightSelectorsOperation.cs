using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// <c>PutInsightSelectors</c> (spec §4.5): turns the trail's Insights types on (an empty list turns
/// them off). Insights on event data stores (<c>EventDataStore</c>, <c>InsightsDestination</c>) are not served.
/// </summary>
internal sealed class PutInsightSelectorsOperation(TrailCatalog catalog, ServiceIdentity identity) : TrailOperation(catalog, identity)
{
    public override string Name => "PutInsightSelectors";

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        if (request.TryGetProperty("EventDataStore", out _) || request.TryGetProperty("InsightsDestination", out _))
        {
            return TrailResult.Fail(request.TryGetProperty("TrailName", out _)
                ? new ApiError(TrailErrors.InvalidParameterCombination, "Specify TrailName or EventDataStore, not both.")
                : new ApiError("UnsupportedOperationException", "Insights on event data stores are not supported by Contrail; put insight selectors on a trail."), null);
        }

        var error = FindTrail(request, "TrailName", out var trail, out var arn);
        if (error is not null)
        {
            return TrailResult.Fail(error, arn);
        }

        error = InsightSelectorParser.Parse(request, trail!, out var selectors);
        if (error is not null)
        {
            return TrailResult.Fail(error, arn);
        }

        var updated = Catalog.Update(trail!.Name, t => t with { InsightSelectors = selectors.Count == 0 ? null : selectors });
        return updated is null
            ? TrailResult.Fail(TrailErrors.NotFound(trail.Name, Identity.AccountId), arn)
            : TrailResult.Ok(TrailResponses.Object(w => TrailResponses.WriteInsightSelectors(w, updated)), arn);
    }
}
