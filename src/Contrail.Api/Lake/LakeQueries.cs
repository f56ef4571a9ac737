using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Contrail.Api.CloudTrail.EventDataStores;
using Contrail.Api.Protocol;
using Contrail.Store.Lake;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Lake;

/// <summary>
/// The Lake's queries (spec §4.9, §6.2): starts each on the engine in the background, at most
/// <see cref="MaxConcurrent"/> at once, and keeps them (statement, status, rows) for 7 days in memory.
/// Thread-safe.
/// </summary>
internal sealed partial class LakeQueries(LakeEngine engine, EventDataStoreCatalog catalog, TimeProvider time, ILogger<LakeQueries> logger)
{
    public const int MaxConcurrent = 10;
    public const int MaxStatementLength = 10_000;
    public static readonly TimeSpan Kept = TimeSpan.FromDays(7);

    private readonly ConcurrentDictionary<string, LakeQuery> _queries = new(StringComparer.Ordinal);
    private int _running;

    /// <summary>Starts <paramref name="statement"/>; the query, or the error to answer (nothing started).</summary>
    public (LakeQuery? Query, ApiError? Error) Start(string statement)
    {
        if (statement.Length is 0 or > MaxStatementLength)
        {
            return (null, ApiError.Validation($"1 validation error detected: Value at 'queryStatement' failed to satisfy constraint: Member must have length between 1 and {MaxStatementLength}"));
        }

        Prune();
        var ids = StoreIdPattern().Matches(statement).Select(m => m.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return (null, new ApiError(QueryErrors.InvalidQueryStatement, "The query must name an event data store by its id in FROM (for example FROM 5e2676f8-9fce-46ef-8142-3e36a94e6691)."));
        }

        foreach (var id in ids)
        {
            if (catalog.Find(id) is not { } store)
            {
                return (null, new ApiError(EventDataStoreErrors.NotFound, $"The event data store {id} is not found."));
            }

            if (store.Status == EventDataStoreStatus.PendingDeletion)
            {
                return (null, new ApiError(EventDataStoreErrors.Inactive, $"The event data store {store.EventDataStoreArn} is pending deletion and cannot be queried."));
            }

            engine.CreateStore(store.Id);
        }

        if (Interlocked.Increment(ref _running) > MaxConcurrent)
        {
            Interlocked.Decrement(ref _running);
            return (null, new ApiError(QueryErrors.MaxConcurrentQueries, $"You already have {MaxConcurrent} queries running; wait for one to finish or cancel one."));
        }

        var query = new LakeQuery(Guid.NewGuid().ToString("D"), statement, ids, time.GetUtcNow());
        _queries[query.Id] = query;
        _ = Task.Run(() => RunAsync(query));
        return (query, null);
    }

    public LakeQuery? Find(string id) => _queries.TryGetValue(id.ToLowerInvariant(), out var query) ? query : null;

    /// <summary>The queries that name store <paramref name="storeId"/>, newest first.</summary>
    public IReadOnlyList<LakeQuery> ListFor(string storeId)
    {
        Prune();
        return [.. _queries.Values.Where(q => q.StoreIds.Contains(storeId, StringComparer.Ordinal)).OrderByDescending(q => q.Created).ThenBy(q => q.Id, StringComparer.Ordinal)];
    }

    /// <summary>Cancels a query that has not ended; false when it had.</summary>
    public bool TryCancel(LakeQuery query)
    {
        lock (query.Gate)
        {
            if (query.IsTerminal)
            {
                return false;
            }

            query.Status = LakeQueryStatus.Cancelled;
        }

        query.Cancel.Cancel();
        return true;
    }

    private async Task RunAsync(LakeQuery query)
    {
        try
        {
            lock (query.Gate)
            {
                if (query.IsTerminal)
                {
                    return;
                }

                query.Status = LakeQueryStatus.Running;
            }

            LakeQueryResult result;
            try
            {
                result = await engine.QueryAsync(query.Statement, query.Cancel.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            lock (query.Gate)
            {
                if (query.IsTerminal)
                {
                    return;
                }

                query.Result = result;
                (query.Status, query.ErrorMessage) = result.Outcome switch
                {
                    LakeQueryOutcome.Succeeded => (LakeQueryStatus.Finished, null),
                    LakeQueryOutcome.TimedOut => (LakeQueryStatus.TimedOut, result.ErrorMessage),
                    _ => (LakeQueryStatus.Failed, result.ErrorMessage),
                };
            }
        }
        catch (Exception e)
        {
            LogFailed(logger, e, query.Id);
            lock (query.Gate)
            {
                query.Status = LakeQueryStatus.Failed;
                query.ErrorMessage = "The query failed inside Contrail; see the service log.";
            }
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private void Prune()
    {
        var oldest = time.GetUtcNow() - Kept;
        foreach (var (id, query) in _queries)
        {
            if (query.Created < oldest && query.IsTerminal)
            {
                _queries.TryRemove(id, out _);
            }
        }
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex StoreIdPattern();

    [LoggerMessage(EventId = 7101, Level = LogLevel.Error, Message = "Lake query {QueryId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string queryId);
}
