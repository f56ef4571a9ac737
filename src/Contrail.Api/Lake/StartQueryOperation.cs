using System.Text.Json;
using Contrail.Api.CloudTrail.EventDataStores;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.Lake;

/// <summary>
/// <c>StartQuery</c> (spec §4.9): starts a CloudTrail Lake SQL query over event data stores named by id.
/// <c>QueryAlias</c>, <c>QueryParameters</c> and <c>DeliveryS3Uri</c> are not served (UnsupportedOperationException).
/// </summary>
internal sealed class StartQueryOperation(EventDataStoreCatalog catalog, ServiceIdentity identity, LakeQueries queries) : EventDataStoreOperation(catalog, identity)
{
    public override string Name => "StartQuery";

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = JsonInput.String(request, "QueryStatement", out var statement);
        if (error is not null)
        {
            return TrailResult.Fail(error);
        }

        foreach (var member in (ReadOnlySpan<string>)["QueryAlias", "QueryParameters", "DeliveryS3Uri"])
        {
            if (request.TryGetProperty(member, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                return TrailResult.Fail(new ApiError("UnsupportedOperationException", $"{member} is not supported by Contrail; send the whole statement in QueryStatement."));
            }
        }

        if (statement is null)
        {
            return TrailResult.Fail(new ApiError(QueryErrors.InvalidQueryStatement, "QueryStatement is required."));
        }

        var (query, startError) = queries.Start(statement);
        if (startError is not null)
        {
            return TrailResult.Fail(startError);
        }

        return TrailResult.Ok(TrailResponses.Object(w =>
        {
            w.WriteString("QueryId", query!.Id);
            w.WriteString("EventDataStoreOwnerAccountId", Identity.AccountId);
        }), null);
    }
}
