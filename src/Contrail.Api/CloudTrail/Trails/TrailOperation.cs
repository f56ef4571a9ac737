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
internal abstract class TrailOperation(TrailCatalog catalog, ServiceIdentity identity) : IApiOperation
{
    public const string ResourceType = "AWS::CloudTrail::Trail";

    public abstract string Name { get; }

    public string EventSource => "cloudtrail.amazonaws.com";

    public virtual bool ReadOnly => false;

    public bool Management => true;

    protected TrailCatalog Catalog => catalog;

    protected ServiceIdentity Identity => identity;

    public Task<CallOutcome> InvokeAsync(ApiCall call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        var (document, parseError) = JsonInput.Parse(call.Body);
        if (parseError is not null)
        {
            return Task.FromResult(CallOutcome.Fail(parseError));
        }

        using (document)
        {
            var snapshot = document!.RootElement.Clone();
            Action<Utf8JsonWriter> parameters = w => JsonInput.WriteCamelCased(w, snapshot);
            var result = Execute(snapshot, call);
            return Task.FromResult(new CallOutcome
            {
                Error = result.Error,
                Body = result.Error is null ? result.Body : null,
                RequestParameters = parameters,
                Resources = result.TrailArn is null ? [] : [(ResourceType, result.TrailArn)],
            });
        }
    }

    protected abstract TrailResult Execute(JsonElement request, ApiCall call);

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
