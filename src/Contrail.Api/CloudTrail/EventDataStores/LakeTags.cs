using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Protocol;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>
/// AddTags/RemoveTags/ListTags for event data store and channel ARNs (spec §4.10): the trail tag
/// operations hand such a <c>ResourceId</c> here; the rules are the trails' (<see cref="TrailTags"/>).
/// An ARN of no store or channel here is <c>ResourceNotFoundException</c>; the built-in default channel
/// has no tags (<c>ResourceTypeNotSupportedException</c>).
/// </summary>
internal static class LakeTags
{
    /// <summary>True when <paramref name="resourceId"/> is an event data store or channel ARN.</summary>
    public static bool Handles(string resourceId) => LakeNames.KindOf(resourceId) is LakeNames.EventDataStoreKind or LakeNames.ChannelKind;

    /// <summary>The tags of the store or channel, or the error to answer.</summary>
    public static ApiError? Find(EventDataStoreCatalog catalog, ServiceIdentity identity, string resourceId, out IReadOnlyList<TrailTag>? tags)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(identity);
        tags = null;
        if (resourceId == identity.DefaultChannelArn)
        {
            return DefaultChannel();
        }

        tags = catalog.FindTags(resourceId);
        return tags is null ? Unknown(resourceId) : null;
    }

    /// <summary>Applies <paramref name="change"/> to the tags of the store or channel; the error to answer, or null.</summary>
    public static ApiError? Change(EventDataStoreCatalog catalog, ServiceIdentity identity, string resourceId,
        Func<IReadOnlyList<TrailTag>, (List<TrailTag>? Tags, ApiError? Error)> change)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(identity);
        if (resourceId == identity.DefaultChannelArn)
        {
            return DefaultChannel();
        }

        return catalog.UpdateTags(resourceId, change, out var error) ? error : Unknown(resourceId);
    }

    private static ApiError Unknown(string arn) => new(TrailErrors.ResourceNotFound, $"The resource {arn} was not found.");

    private static ApiError DefaultChannel() => new(TrailErrors.ResourceTypeNotSupported,
        "The built-in default channel has no tags: tag a channel made with CreateChannel.");
}
