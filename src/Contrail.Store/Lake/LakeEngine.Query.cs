using System.Globalization;
using System.Text.Json;
using Contrail.Store.Lake.DuckDb;
using Contrail.Store.Lake.Sql;

namespace Contrail.Store.Lake;

/// <summary>
/// Queries: translate (<see cref="LakeSqlTranslator"/>), read the translated text's parse tree and
/// check what it reads (<see cref="Check"/>), run it on a sandboxed connection, and print the values
/// as CloudTrail does.
/// </summary>
public sealed partial class LakeEngine
{
    private const string SerializeSql = "SELECT json_serialize_sql($1::VARCHAR)";

    /// <summary>
    /// Runs a CloudTrail Lake SQL query (Trino dialect; the table names are event data store ids).
    /// Every expected failure is a value: an unknown store, a query that is not one SELECT over
    /// stores (files, table functions, schemas, DDL …), an error of DuckDB's, the time budget.
    /// Thread-safe; queries run concurrently, each on its own connection.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the query was stopped.</exception>
    public async Task<LakeQueryResult> QueryAsync(string sql, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var started = _timeProvider.GetTimestamp();
        var translated = LakeSqlTranslator.Translate(sql);
        using var connection = _database.Connect();
        LakeQueryTree tree;
        try
        {
            var serialized = connection.QueryTrusted(SerializeSql, translated);
            tree = LakeQueryTree.Read(serialized[0][0] as string ?? "{}");
        }
        catch (JsonException)
        {
            return LakeQueryResult.Failure(LakeQueryOutcome.InvalidQuery, "The query is nested too deeply to inspect.");
        }

        if (Check(tree, out var stores) is { } refused)
        {
            return refused;
        }

        var result = await connection.ExecuteAsync(translated, cancellationToken).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            return LakeQueryResult.Failure(OutcomeOf(error), error.Message);
        }

        var names = tree.ColumnNames is { } written && written.Count == result.Columns.Count
            ? written
            : [.. result.Columns.Select(c => c.Name)];
        var rows = new List<IReadOnlyList<string?>>(result.Rows.Count);
        foreach (var row in result.Rows)
        {
            var values = new string?[row.Length];
            for (var i = 0; i < row.Length; i++)
            {
                values[i] = LakeValueFormatter.Format(row[i]);
            }

            rows.Add(values);
        }

        var (events, bytes) = Scanned(connection, stores);
        var statistics = new LakeQueryStatistics(rows.Count, events, bytes, _timeProvider.GetElapsedTime(started));
        return LakeQueryResult.Success(names, rows, result.Truncated, statistics);
    }

    // A query may read the tables of event data stores and its own CTEs; nothing else: no table
    // functions (read_csv, query, duckdb_settings …), no qualified names (system.…, other
    // catalogs), no file names in FROM, no DuckDB catalog views (not even through a CTE's name).
    private LakeQueryResult? Check(LakeQueryTree tree, out HashSet<string> stores)
    {
        stores = new HashSet<string>(StringComparer.Ordinal);
        if (tree.Error is { } parseError)
        {
            return parseError.StartsWith("Only SELECT statements", StringComparison.Ordinal)
                ? LakeQueryResult.Failure(LakeQueryOutcome.InvalidQuery, "Only a SELECT query runs in CloudTrail Lake; this statement is something else.")
                : LakeQueryResult.Failure(LakeQueryOutcome.InvalidQuery, $"The query does not parse: {parseError}");
        }

        if (tree.TableFunctions.Count > 0)
        {
            return LakeQueryResult.Failure(
                LakeQueryOutcome.InvalidQuery,
                $"The query calls the table function {tree.TableFunctions[0]}; a query reads event data stores only.");
        }

        // A CTE named like one of DuckDB's catalog views would let a reference to that name inside
        // the CTE's own body (or an earlier CTE's) reach the view: WITH sqlite_master AS (SELECT *
        // FROM sqlite_master) … passes the name check but reads the catalog.
        foreach (var cte in tree.CteNames)
        {
            if (_catalogNames.Contains(cte))
            {
                return LakeQueryResult.Failure(
                    LakeQueryOutcome.InvalidQuery, $"The query names a common table expression {cte}, which is reserved; choose another name.");
            }
        }

        foreach (var table in tree.Tables)
        {
            if (table.Catalog.Length > 0 || table.Schema.Length > 0)
            {
                return LakeQueryResult.Failure(
                    LakeQueryOutcome.InvalidQuery,
                    $"The query names the table {string.Join('.', new[] { table.Catalog, table.Schema, table.Table }.Where(p => p.Length > 0))}; a table is an event data store id, without a schema or catalog.");
            }

            if (table.Table.IndexOfAny(['/', '\\', '.', ':', '*']) >= 0)
            {
                return LakeQueryResult.Failure(
                    LakeQueryOutcome.InvalidQuery, $"The query reads '{table.Table}', which DuckDB would take for a file; a query reads event data stores only.");
            }

            if (tree.CteNames.Contains(table.Table))
            {
                continue;
            }

            var id = table.Table.ToLowerInvariant();
            if (!LakeSqlTranslator.IsStoreId(id) || !_stores.ContainsKey(id))
            {
                return LakeQueryResult.Failure(LakeQueryOutcome.StoreNotFound, $"The event data store {table.Table} does not exist; a table name is the id of an event data store.");
            }

            stores.Add(id);
        }

        return null;
    }

    private static (long Events, long Bytes) Scanned(DuckDbConnection connection, HashSet<string> stores)
    {
        long events = 0, bytes = 0;
        foreach (var id in stores)
        {
            try
            {
                var row = connection.QueryTrusted($"SELECT count(*), CAST(coalesce(sum(strlen(eventjson)), 0) AS BIGINT) FROM \"{id}\"")[0];
                events += Convert.ToInt64(row[0], CultureInfo.InvariantCulture);
                bytes += Convert.ToInt64(row[1], CultureInfo.InvariantCulture);
            }
            catch (DuckDbException)
            {
                // The store was deleted after the query ran; it scanned what it saw.
            }
        }

        return (events, bytes);
    }

    private static LakeQueryOutcome OutcomeOf(DuckDbError error) => error.Failure switch
    {
        DuckDbFailure.TimedOut => LakeQueryOutcome.TimedOut,
        DuckDbFailure.Engine when error.EngineErrorType is DuckDbErrorType.Parser or DuckDbErrorType.Binder or DuckDbErrorType.Catalog or DuckDbErrorType.Permission
            => LakeQueryOutcome.InvalidQuery,
        DuckDbFailure.Engine or DuckDbFailure.ValueOutOfRange => LakeQueryOutcome.Failed,
        _ => LakeQueryOutcome.InvalidQuery,
    };
}
