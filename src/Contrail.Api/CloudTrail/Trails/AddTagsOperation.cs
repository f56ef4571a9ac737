using System.Text.Json;
using Contrail.Api.CloudTrail.EventDataStores;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// <c>AddTags</c> (spec §4.10): adds tags to the trail whose ARN is <c>ResourceId</c>. A key the
/// trail has takes the new value; more than <see cref="TrailTags.MaxPerTrail"/> tags in all is a
/// <c>TagsLimitExceededException</c> and changes nothing. Answers <c>{}</c>. Event data store and channel
/// ARNs are served by <see cref="LakeTags"/>, with the same rules.
/// </summary>
internal sealed class AddTagsOperation(TrailCatalog catalog, EventDataStoreCatalog lake, ServiceIdentity identity) : TrailOperation(catalog, identity)
{
    public override string Name => "AddTags";

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = TrailInput.First(
            TrailInput.RequiredString(request, "ResourceId", out var resourceId),
            TrailTags.Parse(request, out var added));
        error ??= added is null ? TrailErrors.Missing("TagsList") : null;
        if (error is null && LakeTags.Handles(resourceId))
        {
            var lakeError = LakeTags.Change(lake, Identity, resourceId, current =>
            {
                var limit = TrailTags.Add(current, added!, out var tags);
                return (limit is null ? tags : null, limit);
            });
            return lakeError is null ? TrailResult.Ok(TrailResponses.Empty, null) : TrailResult.Fail(lakeError);
        }

        Trail? trail = null;
        if ((error ?? FindTagged(resourceId, out trail)) is { } failure)
        {
            return TrailResult.Fail(failure);
        }

        ApiError? limit = null;
        var updated = Catalog.Update(trail!.Name, current =>
        {
            limit = TrailTags.Add(current.Tags, added!, out var tags);
            return limit is null ? current with { Tags = tags } : current;
        });
        if (updated is null)
        {
            return TrailResult.Fail(TrailErrors.UnknownResource(resourceId, Identity.AccountId));
        }

        return limit is null ? TrailResult.Ok(TrailResponses.Empty, trail.TrailArn) : TrailResult.Fail(limit, trail.TrailArn);
    }
}
