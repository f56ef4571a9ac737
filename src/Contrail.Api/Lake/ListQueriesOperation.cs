using System.Globalization;
using System.Text.Json;
using Contrail.Api.CloudTrail.EventDataStores;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.Lake;

/// <summary>
/// <c>ListQueries</c> (spec §4.9): the queries of the past 7 days that name a store, newest first,
/// filtered by <c>StartTime</c>/<c>EndTime</c> (creation time) and <c>QueryStatus</c>; pages of
/// <c>MaxResults</c> (1 to 1000, default 1000).
/// </summary>
internal sealed class ListQueriesOperation(EventDataStoreCatalog catalog, ServiceIdentity identity, LakeQueries queries) : EventDataStoreOperation(catalog, identity)
{
    public override string Name => "ListQueries";

    public override bool ReadOnly => true;

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        int? max = null;
        string? token = null, status = null;
        DateTimeOffset? startTime = null, endTime = null;
        var error = FindStore(request, out var store)
            ?? JsonInput.Integer(request, "MaxResults", out max)
            ?? JsonInput.String(request, "NextToken", out token)
            ?? JsonInput.Timestamp(request, "StartTime", out startTime)
            ?? JsonInput.Timestamp(request, "EndTime", out endTime)
            ?? JsonInput.String(request, "QueryStatus", out status);
        if (error is not null)
        {
            return TrailResult.Fail(error, store?.EventDataStoreArn);
        }

        var pageSize = max ?? 1000;
        if (pageSize is < 1 or > 1000)
        {
            return TrailResult.Fail(new ApiError(QueryErrors.InvalidMaxResults, $"MaxResults must be between 1 and 1000; got {pageSize}."), store!.EventDataStoreArn);
        }

        if (startTime > endTime)
        {
            return TrailResult.Fail(new ApiError(QueryErrors.InvalidDateRange, "StartTime must not be after EndTime."), store!.EventDataStoreArn);
        }

        if (status is not null && !LakeQueryStatus.All.Contains(status, StringComparer.Ordinal))
        {
            return TrailResult.Fail(new ApiError(QueryErrors.InvalidQueryStatus, $"QueryStatus must be one of {string.Join(", ", LakeQueryStatus.All)}; got '{status}'."), store!.EventDataStoreArn);
        }

        var start = 0;
        if (token is not null && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start < 0))
        {
            return TrailResult.Fail(new ApiError(QueryErrors.InvalidNextToken, "The NextToken is not one ListQueries returned."), store!.EventDataStoreArn);
        }

        var listed = queries.ListFor(store!.Id)
            .Where(q => (startTime is null || q.Created >= startTime) && (endTime is null || q.Created <= endTime))
            .Select(q => { lock (q.Gate) { return (q.Id, q.Status, q.Created); } })
            .Where(q => status is null || q.Status == status)
            .ToList();
        var end = Math.Min(listed.Count, start + pageSize);
        return TrailResult.Ok(TrailResponses.Object(w =>
        {
            w.WriteStartArray("Queries");
            for (var i = Math.Min(start, listed.Count); i < end; i++)
            {
                w.WriteStartObject();
                w.WriteString("QueryId", listed[i].Id);
                w.WriteString("QueryStatus", listed[i].Status);
                TrailResponses.WriteTime(w, "CreationTime", listed[i].Created);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (end < listed.Count)
            {
                w.WriteString("NextToken", end.ToString(CultureInfo.InvariantCulture));
            }
        }), store.EventDataStoreArn);
    }
}
