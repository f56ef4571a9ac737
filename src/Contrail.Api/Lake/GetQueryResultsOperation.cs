using System.Globalization;
using System.Text.Json;
using Contrail.Api.CloudTrail.EventDataStores;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.Lake;

/// <summary>
/// <c>GetQueryResults</c> (spec §4.9): a page of a query's rows, each a list of one-entry maps
/// <c>{column: value}</c> in SELECT order, every value a string. Pages hold <c>MaxQueryResults</c>
/// rows (1 to 1000, default 1000); <c>NextToken</c> is the next row's index.
/// </summary>
internal sealed class GetQueryResultsOperation(EventDataStoreCatalog catalog, ServiceIdentity identity, LakeQueries queries) : EventDataStoreOperation(catalog, identity)
{
    public const int MaxPage = 1000;

    public override string Name => "GetQueryResults";

    public override bool ReadOnly => true;

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        int? max = null;
        string? token = null;
        var error = QueryLookup.Find(queries, request, out var query)
            ?? JsonInput.Integer(request, "MaxQueryResults", out max)
            ?? JsonInput.String(request, "NextToken", out token);
        if (error is not null)
        {
            return TrailResult.Fail(error);
        }

        var pageSize = max ?? MaxPage;
        if (pageSize is < 1 or > MaxPage)
        {
            return TrailResult.Fail(new ApiError(QueryErrors.InvalidMaxResults, $"MaxQueryResults must be between 1 and {MaxPage}; got {pageSize}."));
        }

        var start = 0;
        if (token is not null && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start < 0))
        {
            return TrailResult.Fail(new ApiError(QueryErrors.InvalidNextToken, "The NextToken is not one GetQueryResults returned."));
        }

        lock (query!.Gate)
        {
            var rows = query.Status == LakeQueryStatus.Finished ? query.Result!.Rows : [];
            if (start > rows.Count)
            {
                return TrailResult.Fail(new ApiError(QueryErrors.InvalidNextToken, "The NextToken is not one GetQueryResults returned."));
            }

            var columns = query.Result?.Columns ?? [];
            var end = Math.Min(rows.Count, start + pageSize);
            return TrailResult.Ok(TrailResponses.Object(w =>
            {
                w.WriteString("QueryStatus", query.Status);
                w.WriteStartObject("QueryStatistics");
                w.WriteNumber("ResultsCount", end - start);
                w.WriteNumber("TotalResultsCount", rows.Count);
                w.WriteNumber("BytesScanned", query.Result?.Statistics.BytesScanned ?? 0);
                w.WriteEndObject();
                w.WriteStartArray("QueryResultRows");
                for (var i = start; i < end; i++)
                {
                    w.WriteStartArray();
                    for (var c = 0; c < columns.Count; c++)
                    {
                        w.WriteStartObject();
                        w.WriteString(columns[c], rows[i][c]);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                w.WriteEndArray();
                if (end < rows.Count)
                {
                    w.WriteString("NextToken", end.ToString(CultureInfo.InvariantCulture));
                }

                if (query.ErrorMessage is { } message)
                {
                    w.WriteString("ErrorMessage", message);
                }
            }), null);
        }
    }
}
