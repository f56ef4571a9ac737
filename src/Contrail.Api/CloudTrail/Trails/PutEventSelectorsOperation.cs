using System.Text.Json;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// <c>PutEventSelectors</c> (spec §4.4): replaces the trail's selectors with the basic or the
/// advanced ones given (one kind overwrites the other), validated by <see cref="EventSelectorParser"/>.
/// </summary>
internal sealed class PutEventSelectorsOperation(TrailCatalog catalog, ServiceIdentity identity) : TrailOperation(catalog, identity)
{
    public override string Name => "PutEventSelectors";

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = FindTrail(request, "TrailName", out var trail, out var arn);
        if (error is not null)
        {
            return TrailResult.Fail(error, arn);
        }

        var (basic, advanced, selectorError) = EventSelectorParser.Parse(request);
        if (selectorError is not null)
        {
            return TrailResult.Fail(selectorError, arn);
        }

        var updated = Catalog.Update(trail!.Name, t => t with
        {
            EventSelectors = basic,
            AdvancedEventSelectors = advanced,
            HasCustomEventSelectors = true,
        });
        return updated is null
            ? TrailResult.Fail(TrailErrors.NotFound(trail.Name, Identity.AccountId), arn)
            : TrailResult.Ok(TrailResponses.Object(w => TrailResponses.WriteSelectors(w, updated)), arn);
    }
}
