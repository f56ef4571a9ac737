using System.Text.Json;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// <c>DescribeTrails</c> (spec §4.3; members <c>trailNameList</c>, <c>includeShadowTrails</c>,
/// <c>trailList</c> in camelCase as in the model). Without a list, every trail; with one, the
/// trails it names (names or ARNs), unknown ones left out. There are no shadow trails on a single
/// node, so <c>includeShadowTrails</c> is accepted and changes nothing.
/// </summary>
internal sealed class DescribeTrailsOperation(TrailCatalog catalog, ServiceIdentity identity) : TrailOperation(catalog, identity)
{
    public override string Name => "DescribeTrails";

    public override bool ReadOnly => true;

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = TrailInput.First(
            TrailInput.Strings(request, "trailNameList", out var names),
            TrailInput.Boolean(request, "includeShadowTrails", out _));
        if (error is not null)
        {
            return TrailResult.Fail(error);
        }

        List<Trail> trails;
        if (names is null || names.Count == 0)
        {
            trails = [.. Catalog.List()];
        }
        else
        {
            trails = [];
            foreach (var given in names)
            {
                error = TrailNames.Resolve(given, Identity.Region, Identity.AccountId, out var name);
                if (error is not null)
                {
                    return TrailResult.Fail(error);
                }

                if (name is not null && Catalog.Find(name) is { } trail && !trails.Exists(t => t.Name == trail.Name))
                {
                    trails.Add(trail);
                }
            }
        }

        return TrailResult.Ok(TrailResponses.Object(w =>
        {
            w.WriteStartArray("trailList");
            foreach (var trail in trails)
            {
                TrailResponses.WriteTrail(w, trail);
            }

            w.WriteEndArray();
        }), null);
    }
}
