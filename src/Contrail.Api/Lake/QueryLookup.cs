using System.Text.Json;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Protocol;

namespace Contrail.Api.Lake;

/// <summary>Finds the query a call's <c>QueryId</c> names.</summary>
internal static class QueryLookup
{
    public static ApiError? Find(LakeQueries queries, JsonElement request, out LakeQuery? query)
    {
        query = null;
        var error = TrailInput.RequiredString(request, "QueryId", out var id);
        if (error is not null)
        {
            return error;
        }

        query = queries.Find(id);
        return query is null ? new ApiError(QueryErrors.QueryIdNotFound, $"The query ID {id} does not exist or does not belong to this account.") : null;
    }

    /// <summary>QueryStatistics of DescribeQuery.</summary>
    public static void WriteStatistics(Utf8JsonWriter w, LakeQuery query)
    {
        var statistics = query.Result?.Statistics ?? default;
        w.WriteStartObject("QueryStatistics");
        w.WriteNumber("EventsMatched", statistics.EventsMatched);
        w.WriteNumber("EventsScanned", statistics.EventsScanned);
        w.WriteNumber("BytesScanned", statistics.BytesScanned);
        w.WriteNumber("ExecutionTimeInMillis", (long)statistics.ExecutionTime.TotalMilliseconds);
        TrailResponses.WriteTime(w, "CreationTime", query.Created);
        w.WriteEndObject();
    }
}
