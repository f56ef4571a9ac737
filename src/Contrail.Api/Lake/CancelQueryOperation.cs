using System.Text.Json;
using Contrail.Api.CloudTrail.EventDataStores;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.Lake;

/// <summary><c>CancelQuery</c> (spec §4.9): stops a query that has not ended; an ended one is <c>InactiveQueryException</c>.</summary>
internal sealed class CancelQueryOperation(EventDataStoreCatalog catalog, ServiceIdentity identity, LakeQueries queries) : EventDataStoreOperation(catalog, identity)
{
    public override string Name => "CancelQuery";

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = QueryLookup.Find(queries, request, out var query);
        if (error is not null)
        {
            return TrailResult.Fail(error);
        }

        if (!queries.TryCancel(query!))
        {
            return TrailResult.Fail(new ApiError(QueryErrors.InactiveQuery, $"The query {query!.Id} has already ended ({query.Status}); it cannot be cancelled."));
        }

        return TrailResult.Ok(TrailResponses.Object(w =>
        {
            w.WriteString("QueryId", query!.Id);
            w.WriteString("QueryStatus", LakeQueryStatus.Cancelled);
            w.WriteString("EventDataStoreOwnerAccountId", Identity.AccountId);
        }), null);
    }
}
