using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Contrail.Store.Lake.DuckDb;
using Contrail.Store.Lake.Schema;
using Contrail.Store.Lake.Sql;

namespace Contrail.Store.Lake;

/// <summary>
/// The CloudTrail Lake's engine: event data stores as tables of one embedded DuckDB database (in
/// the sandbox of <c>docs/dev/duckdb.md</c>), filled by <see cref="Append"/> and queried in
/// CloudTrail Lake SQL by <see cref="QueryAsync"/>. A store's table is named by its id (a
/// lower-case hyphenated UUID) and has the columns of <c>docs/dev/lake-engine.md</c>.
/// Thread-safe: writes (<see cref="CreateStore"/>, <see cref="Append"/>, <see cref="Expire"/>,
/// <see cref="Delete"/>) take turns on one connection; each query runs on a connection of its own.
/// One engine per directory per process.
/// </summary>
public sealed partial class LakeEngine : IDisposable
{
    // The rows go to DuckDB only, never to a browser: no need to escape HTML-sensitive characters.
    private static readonly JsonWriterOptions RowWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly DuckDbDatabase _database;
    private readonly DuckDbConnection _writer;
    private readonly Lock _write = new();
    private readonly ConcurrentDictionary<string, byte> _stores = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly FrozenSet<string> _catalogNames;

    private LakeEngine(DuckDbDatabase database, string directory, TimeProvider timeProvider)
    {
        _database = database;
        _timeProvider = timeProvider;
        Directory = directory;
        _writer = database.Connect();
        foreach (var row in _writer.QueryTrusted("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"))
        {
            if (row[0] is string name && LakeSqlTranslator.IsStoreId(name))
            {
                _stores[name] = 0;
            }
        }

        // DuckDB's own views and tables (sqlite_master, duckdb_tables, pg_class …); users cannot add any.
        _catalogNames = _writer.QueryTrusted("SELECT view_name FROM duckdb_views() UNION SELECT table_name FROM duckdb_tables()")
            .Select(row => row[0] as string).OfType<string>().Where(name => !LakeSqlTranslator.IsStoreId(name))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The directory the engine keeps its files in.</summary>
    public string Directory { get; }

    /// <summary>The ids of the event data stores, lower-case, in no order.</summary>
    public IReadOnlyCollection<string> StoreIds => [.. _stores.Keys];

    private string ParquetDirectory => Path.Combine(Directory, "parquet");

    /// <summary>Opens (creating if missing) the engine in <see cref="LakeEngineOptions.Directory"/>.</summary>
    /// <param name="options">Settings; validated here.</param>
    /// <param name="timeProvider">The clock of query time budgets and statistics (default: the system's).</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="InvalidOperationException">The directory is already open in this process.</exception>
    public static LakeEngine Open(LakeEngineOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Directory, nameof(options));
        var directory = Path.GetFullPath(options.Directory);
        var parquet = Path.Combine(directory, "parquet");
        var temp = Path.Combine(directory, "tmp");
        System.IO.Directory.CreateDirectory(parquet);
        System.IO.Directory.CreateDirectory(temp);
        var duckDb = new DuckDbOptions
        {
            Path = Path.Combine(directory, "lake.duckdb"),
            MemoryLimitBytes = options.MemoryLimitBytes,
            Threads = options.Threads,
            TempDirectory = temp,
            QueryTimeout = options.QueryTimeout,
            MaxRows = options.MaxRows,
        };
        duckDb.AllowedDirectories.Add(parquet);
        foreach (var statement in LakeFunctions.Setup)
        {
            duckDb.Setup.Add(statement);
        }

        timeProvider ??= TimeProvider.System;
        var database = DuckDbDatabase.Open(duckDb, timeProvider);
        try
        {
            return new LakeEngine(database, directory, timeProvider);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>Creates the table of event data store <paramref name="storeId"/> if it does not exist; returns whether it created it.</summary>
    /// <exception cref="ArgumentException"><paramref name="storeId"/> is not a hyphenated UUID.</exception>
    public bool CreateStore(string storeId)
    {
        var id = StoreId(storeId);
        lock (_write)
        {
            if (_stores.ContainsKey(id))
            {
                return false;
            }

            _writer.ExecuteTrusted($"CREATE TABLE IF NOT EXISTS \"{id}\" ({LakeSchema.ColumnDefinitions})");
            _stores[id] = 0;
            return true;
        }
    }

    /// <summary>
    /// Stores CloudTrail records (each one record's JSON) in event data store
    /// <paramref name="storeId"/>, creating its table if needed. Idempotent by eventID: a record
    /// whose eventID is already in the store (or earlier in the batch) is counted as a duplicate and
    /// not stored again. The batch is one transaction. Duplicates are found by the batch's eventIDs
    /// against the store's rows in the batch's eventTime range (a resent event has its original
    /// time), so appends in time order compare against few rows and need no index.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="storeId"/> is not a hyphenated UUID.</exception>
    public LakeAppendResult Append(string storeId, IReadOnlyList<ReadOnlyMemory<byte>> recordsJson)
    {
        ArgumentNullException.ThrowIfNull(recordsJson);
        var id = StoreId(storeId);
        var rows = new ArrayBufferWriter<byte>(4096);
        long candidates = 0, rejected = 0;
        using (var writer = new Utf8JsonWriter(rows, RowWriterOptions))
        {
            writer.WriteStartArray();
            foreach (var record in recordsJson)
            {
                if (TryWriteRow(writer, record))
                {
                    candidates++;
                }
                else
                {
                    rejected++;
                }
            }

            writer.WriteEndArray();
        }

        if (candidates == 0)
        {
            return new LakeAppendResult(0, 0, rejected);
        }

        CreateStore(id);
        lock (_write)
        {
            var appended = AppendRows(id, Encoding.UTF8.GetString(rows.WrittenSpan));
            return new LakeAppendResult(appended, candidates - appended, rejected);
        }
    }

    /// <summary>Removes the events of <paramref name="storeId"/> whose eventTime is before <paramref name="before"/> (retention); returns how many.</summary>
    /// <exception cref="ArgumentException"><paramref name="storeId"/> is not a hyphenated UUID.</exception>
    public long Expire(string storeId, DateTimeOffset before)
    {
        var id = StoreId(storeId);
        lock (_write)
        {
            if (!_stores.ContainsKey(id))
            {
                return 0;
            }

            var time = before.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
            var result = _writer.QueryTrusted($"DELETE FROM \"{id}\" WHERE eventtime < CAST($1 AS TIMESTAMP)", time);
            return Convert.ToInt64(result[0][0], CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Drops event data store <paramref name="storeId"/> and its events; returns whether it existed.</summary>
    /// <exception cref="ArgumentException"><paramref name="storeId"/> is not a hyphenated UUID.</exception>
    public bool Delete(string storeId)
    {
        var id = StoreId(storeId);
        lock (_write)
        {
            if (!_stores.TryRemove(id, out _))
            {
                return false;
            }

            _writer.ExecuteTrusted($"DROP TABLE IF EXISTS \"{id}\"");
            return true;
        }
    }

    /// <summary>The number of events in <paramref name="storeId"/>, or null when there is no such store.</summary>
    /// <exception cref="ArgumentException"><paramref name="storeId"/> is not a hyphenated UUID.</exception>
    public long? Count(string storeId)
    {
        var id = StoreId(storeId);
        if (!_stores.ContainsKey(id))
        {
            return null;
        }

        using var connection = _database.Connect();
        return Convert.ToInt64(connection.QueryTrusted($"SELECT count(*) FROM \"{id}\"")[0][0], CultureInfo.InvariantCulture);
    }

    /// <summary>Closes the database; running queries are interrupted. Idempotent.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        _database.Dispose();
    }

    private static string StoreId(string storeId)
    {
        ArgumentNullException.ThrowIfNull(storeId);
        return LakeSqlTranslator.IsStoreId(storeId)
            ? storeId.ToLowerInvariant()
            : throw new ArgumentException($"'{storeId}' is not an event data store id (a hyphenated UUID).", nameof(storeId));
    }

    private static bool TryWriteRow(Utf8JsonWriter writer, ReadOnlyMemory<byte> record)
    {
        try
        {
            return LakeRowWriter.TryWrite(writer, record, out var eventId) && eventId is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // Two steps on the writer connection. First the batch's rows, read by json_transform, go to a
    // temporary table (the connection's own). Then one INSERT keeps the first row of each eventid
    // and drops those the store already holds. The store's rows compared are those in the batch's
    // time range, given as constants so that DuckDB's zone maps skip the rest (scalar subqueries
    // there are not pushed down), plus rows without a time only when the batch has such rows.
    private long AppendRows(string id, string rowsJson)
    {
        _writer.QueryTrusted(
            $"CREATE OR REPLACE TEMP TABLE lake_batch AS SELECT unnest(r) FROM (SELECT unnest(json_transform($1::VARCHAR, '{LakeSchema.RowsJsonStructure}')) AS r)",
            rowsJson);
        try
        {
            var range = _writer.QueryTrusted("SELECT strftime(min(eventtime), '%Y-%m-%d %H:%M:%S.%f'), strftime(max(eventtime), '%Y-%m-%d %H:%M:%S.%f'), count(*) FILTER (WHERE eventtime IS NULL) FROM lake_batch")[0];
            var conditions = new List<string>();
            if (range[0] is string min && range[1] is string max)
            {
                conditions.Add($"eventtime BETWEEN TIMESTAMP '{min}' AND TIMESTAMP '{max}'");
            }

            if (Convert.ToInt64(range[2], CultureInfo.InvariantCulture) > 0)
            {
                conditions.Add("eventtime IS NULL");
            }

            var result = _writer.QueryTrusted($"""
                INSERT INTO "{id}" BY NAME
                SELECT * FROM (
                    SELECT * FROM (SELECT * FROM lake_batch QUALIFY row_number() OVER (PARTITION BY eventid) = 1) fresh
                    ANTI JOIN (SELECT eventid FROM "{id}" WHERE {string.Join(" OR ", conditions)}) stored USING (eventid)
                    ORDER BY eventtime)
                """);
            return Convert.ToInt64(result[0][0], CultureInfo.InvariantCulture);
        }
        finally
        {
            _writer.ExecuteTrusted("DROP TABLE IF EXISTS lake_batch");
        }
    }
}
