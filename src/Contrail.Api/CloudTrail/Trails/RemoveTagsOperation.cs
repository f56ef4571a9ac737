using System.Text.Json;
using Contrail.Api.CloudTrail.EventDataStores;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// <c>RemoveTags</c> (spec §4.10): removes from the trail whose ARN is <c>ResourceId</c> the tags
/// whose keys are listed. By key: a <c>Value</c> given with a key is validated but not compared, and
/// a key the trail does not have is ignored (docs/dev/trails-format.md). Answers <c>{}</c>. Event data
/// store and channel ARNs are served by <see cref="LakeTags"/>, with the same rules.
/// </summary>
internal sealed class RemoveTagsOperation(TrailCatalog catalog, EventDataStoreCatalog lake, ServiceIdentity identity) : TrailOperation(catalog, identity)
{
    public override string Name => "RemoveTags";

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = TrailInput.First(
            TrailInput.RequiredString(request, "ResourceId", out var resourceId),
            TrailTags.Parse(request, out var removed));
        error ??= removed is null ? TrailErrors.Missing("TagsList") : null;
        if (error is null && LakeTags.Handles(resourceId))
        {
            var lakeError = LakeTags.Change(lake, Identity, resourceId, current =>
                (current.Any(t => removed!.Exists(r => r.Key == t.Key)) ? TrailTags.Remove(current, removed!) : null, null));
            return lakeError is null ? TrailResult.Ok(TrailResponses.Empty, null) : TrailResult.Fail(lakeError);
        }

        Trail? trail = null;
        if ((error ?? FindTagged(resourceId, out trail)) is { } failure)
        {
            return TrailResult.Fail(failure);
        }

        var updated = Catalog.Update(trail!.Name, current =>
            current.Tags.Any(t => removed!.Exists(r => r.Key == t.Key)) ? current with { Tags = TrailTags.Remove(current.Tags, removed!) } : current);
        return updated is null
            ? TrailResult.Fail(TrailErrors.UnknownResource(resourceId, Identity.AccountId))
            : TrailResult.Ok(TrailResponses.Empty, trail.TrailArn);
    }
}
