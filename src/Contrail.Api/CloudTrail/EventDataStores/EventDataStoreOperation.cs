using System.Text.Json;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>
/// What every event data store operation shares: the JSON 1.1 body, the self-audit record's
/// <c>requestParameters</c> (the request, camelCased) and <c>resources</c> (the store), and the lookup
/// of a store by ARN or id.
/// </summary>
internal abstract class EventDataStoreOperation(EventDataStoreCatalog catalog, ServiceIdentity identity) : IApiOperation
{
    public const string ResourceType = "AWS::CloudTrail::EventDataStore";

    public abstract string Name { get; }

    public string EventSource => "cloudtrail.amazonaws.com";

    public virtual bool ReadOnly => false;

    public bool Management => true;

    protected EventDataStoreCatalog Catalog => catalog;

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

    /// <summary>Decides the call; <see cref="TrailResult.TrailArn"/> carries the store's ARN for the audit record.</summary>
    protected abstract TrailResult Execute(JsonElement request, ApiCall call);

    /// <summary>
    /// Reads the required member <c>EventDataStore</c> (an ARN or an id) and finds the store: a value that
    /// is neither is <c>EventDataStoreARNInvalidException</c>, a store not here <c>EventDataStoreNotFoundException</c>.
    /// </summary>
    protected ApiError? FindStore(JsonElement request, out EventDataStore? store)
    {
        store = null;
        var error = TrailInput.RequiredString(request, "EventDataStore", out var given);
        if (error is not null)
        {
            return error;
        }

        if (!LakeNames.TryResolve(given, LakeNames.EventDataStoreKind, identity.Region, identity.AccountId, out _))
        {
            return EventDataStoreErrors.InvalidArn(given);
        }

        store = catalog.Find(given);
        return store is null ? EventDataStoreErrors.Unknown(given) : null;
    }

    /// <summary>A response object holding the store's members (see <see cref="EventDataStoreResponses.WriteStore"/>).</summary>
    protected static TrailResult Answer(EventDataStore store, string? status = null, bool tags = false, bool get = false) =>
        TrailResult.Ok(TrailResponses.Object(w => EventDataStoreResponses.WriteStore(w, store, status, tags, get)), store.EventDataStoreArn);
}
