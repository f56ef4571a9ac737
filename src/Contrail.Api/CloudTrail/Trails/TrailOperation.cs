using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// What every trail operation shares: the JSON 1.1 body, the self-audit record's
/// <c>requestParameters</c> (the request, camelCased) and <c>resources</c> (the trail), and the
/// lookup of a trail by name or ARN (or, for the tag operations, by ARN only).
/// </summary>
internal abstract class TrailOperation(TrailCatalog catalog, ServiceIdentity identity) : CloudTrailOperation(ResourceType)
{
    public const string ResourceType = "AWS::CloudTrail::Trail";

    protected TrailCatalog Catalog => catalog;

    protected ServiceIdentity Identity => identity;

    /// <summary>
    /// Reads the required member <paramref name="member"/> (a trail name or ARN) and finds the
    /// trail. On failure returns the error to answer (<c>TrailNotFoundException</c> names what was given).
    /// </summary>
    protected ApiError? FindTrail(JsonElement request, string member, out Trail? trail, out string? arn, bool notFoundByArn = false)
    {
        trail = null;
        arn = null;
        var error = TrailInput.RequiredString(request, member, out var given);
        if (error is not null)
        {
            return error;
        }

        error = TrailNames.Resolve(given, identity.Region, identity.AccountId, out var name);
        if (error is not null)
        {
            return error;
        }

        if (name is not null)
        {
            arn = TrailNames.Arn(identity.Region, identity.AccountId, name);
            trail = catalog.Find(name);
        }

        return trail is null ? TrailErrors.NotFound(notFoundByArn && arn is not null ? arn : given, identity.AccountId) : null;
    }

    /// <summary>
    /// Finds the trail a tag operation's <c>ResourceId</c> names (an ARN only, see
    /// <see cref="TrailNames.ResolveTagged"/>); a well-formed ARN of no trail here is a <c>ResourceNotFoundException</c>.
    /// </summary>
    protected ApiError? FindTagged(string resourceId, out Trail? trail)
    {
        trail = null;
        var error = TrailNames.ResolveTagged(resourceId, identity.Region, identity.AccountId, out var name);
        if (error is not null)
        {
            return error;
        }

        trail = name is null ? null : catalog.Find(name);
        return trail is null ? TrailErrors.UnknownResource(resourceId, identity.AccountId) : null;
    }
}
