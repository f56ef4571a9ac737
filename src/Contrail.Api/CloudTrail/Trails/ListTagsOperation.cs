using System.Text.Json;
using Contrail.Api.CloudTrail.EventDataStores;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// <c>ListTags</c> (spec §4.10): <c>{"ResourceTagList": [{"ResourceId", "TagsList"}]}</c> for 1 to
/// <see cref="MaxResources"/> trail ARNs, in the order given (an ARN given twice is answered once).
/// A trail without tags has an empty <c>TagsList</c>. Any ARN that is not valid or names no trail
/// fails the whole call, as the model's errors for ListTags say. The answer is always one page:
/// there is no <c>NextToken</c> out, and one given in is an <c>InvalidTokenException</c> (the model
/// documents the member as "reserved for future use"). Event data store and channel ARNs may be listed
/// with trail ARNs (<see cref="LakeTags"/>).
/// </summary>
internal sealed class ListTagsOperation(TrailCatalog catalog, EventDataStoreCatalog lake, ServiceIdentity identity) : TrailOperation(catalog, identity)
{
    public const int MaxResources = 20;

    public override string Name => "ListTags";

    public override bool ReadOnly => true;

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = TrailInput.First(
            TrailInput.Strings(request, "ResourceIdList", out var resourceIds),
            JsonInput.String(request, "NextToken", out var token));
        error ??= resourceIds switch
        {
            null => TrailErrors.Missing("ResourceIdList"),
            { Count: < 1 or > MaxResources } => TrailErrors.ListLength("ResourceIdList", resourceIds.Count, 1, MaxResources),
            _ => null,
        };
        error ??= token is null ? null : new ApiError(TrailErrors.InvalidToken, "The NextToken is not valid: ListTags answers in one page.");
        if (error is not null)
        {
            return TrailResult.Fail(error);
        }

        var found = new List<(string ResourceId, IReadOnlyList<TrailTag> Tags)>(resourceIds!.Count);
        foreach (var resourceId in resourceIds)
        {
            IReadOnlyList<TrailTag>? tags = null;
            if (LakeTags.Handles(resourceId))
            {
                error = LakeTags.Find(lake, Identity, resourceId, out tags);
            }
            else
            {
                error = FindTagged(resourceId, out var trail);
                tags = trail?.Tags;
            }

            if (error is not null)
            {
                return TrailResult.Fail(error);
            }

            if (!found.Exists(f => f.ResourceId == resourceId))
            {
                found.Add((resourceId, tags!));
            }
        }

        return TrailResult.Ok(TrailResponses.Object(w =>
        {
            w.WriteStartArray("ResourceTagList");
            foreach (var (resourceId, tags) in found)
            {
                w.WriteStartObject();
                w.WriteString("ResourceId", resourceId);
                TrailResponses.WriteTags(w, tags);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }), null);
    }
}
