using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary><c>GetInsightSelectors</c> (spec §4.5): the trail's Insights types; none is <c>InsightNotEnabledException</c>.</summary>
internal sealed class GetInsightSelectorsOperation(TrailCatalog catalog, ServiceIdentity identity) : TrailOperation(catalog, identity)
{
    public const string InsightNotEnabled = "InsightNotEnabledException";

    public override string Name => "GetInsightSelectors";

    public override bool ReadOnly => true;

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        if (request.TryGetProperty("EventDataStore", out _) && !request.TryGetProperty("TrailName", out _))
        {
            return TrailResult.Fail(new ApiError("UnsupportedOperationException", "Insights on event data stores are not supported by Contrail; get insight selectors of a trail."), null);
        }

        var error = FindTrail(request, "TrailName", out var trail, out var arn);
        if (error is not null)
        {
            return TrailResult.Fail(error, arn);
        }

        return trail!.InsightSelectors is { Count: > 0 }
            ? TrailResult.Ok(TrailResponses.Object(w => TrailResponses.WriteInsightSelectors(w, trail)), arn)
            : TrailResult.Fail(new ApiError(InsightNotEnabled, $"Trail {trail.Name} does not have Insights enabled. Run PutInsightSelectors to enable Insights."), arn);
    }
}
