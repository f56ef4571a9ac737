using System.Text.Json;
using Contrail.Api.CloudTrail.EventDataStores;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.Lake;

/// <summary><c>DescribeQuery</c> (spec §4.9): the statement, status, statistics and error of a query.</summary>
internal sealed class DescribeQueryOperation(EventDataStoreCatalog catalog, ServiceIdentity identity, LakeQueries queries) : EventDataStoreOperation(catalog, identity)
{
    public override string Name => "DescribeQuery";

    public override bool ReadOnly => true;

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = QueryLookup.Find(queries, request, out var query);
        if (error is not null)
        {
            return TrailResult.Fail(error);
        }

        lock (query!.Gate)
        {
            return TrailResult.Ok(TrailResponses.Object(w =>
            {
                w.WriteString("QueryId", query.Id);
                w.WriteString("QueryString", query.Statement);
                w.WriteString("QueryStatus", query.Status);
                QueryLookup.WriteStatistics(w, query);
                if (query.ErrorMessage is { } message)
                {
                    w.WriteString("ErrorMessage", message);
                }

                w.WriteString("EventDataStoreOwnerAccountId", Identity.AccountId);
            }), null);
        }
    }
}
