using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;

namespace Contrail.Store.History;

/// <summary>
/// Event history on the embedded engine (DuckDB, one file under the data directory). The indexer
/// appends events together with its journal cursor in one transaction, so after a crash the store
/// replays exactly what it had not committed. Events whose id the producer chose are deduplicated
/// by eventID; ids Contrail assigned are unique by construction. Thread-safe: one writer, and
/// lookups on a small pool of connections to the same database.
/// </summary>
public sealed class EventStore : IDisposable
{
    /// <summary>The file name of the database inside the store directory.</summary>
    public const string FileName = "events.duckdb";

    private const string Columns = "event_time, event_id, event_name, event_source, read_only, username, access_key_id, resource_types, resource_names, record";

    private readonly string _path;
    private readonly DuckDBConnection _writer;
    private readonly Lock _writeLock = new();
    private readonly ConcurrentBag<DuckDBConnection> _readers = [];
    private bool _disposed;

    private EventStore(string path, DuckDBConnection writer)
    {
        _path = path;
        _writer = writer;
    }

    /// <summary>Opens (or creates) the store in <paramref name="directory"/>.</summary>
    public static EventStore Open(string directory, EventStoreOptions? options = null)
    {
        options ??= new EventStoreOptions();
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        var writer = new DuckDBConnection($"Data Source={path}");
        try
        {
            writer.Open();
            Execute(writer, $"SET threads = {options.Threads.ToString(CultureInfo.InvariantCulture)}");
            Execute(writer, """
                CREATE TABLE IF NOT EXISTS events (
                    event_time BIGINT NOT NULL,
                    event_id VARCHAR NOT NULL,
                    event_name VARCHAR,
                    event_source VARCHAR,
                    read_only BOOLEAN,
                    username VARCHAR,
                    access_key_id VARCHAR,
                    resource_types VARCHAR[],
                    resource_names VARCHAR[],
                    category VARCHAR NOT NULL,
                    record VARCHAR NOT NULL)
                """);
            Execute(writer, "CREATE TABLE IF NOT EXISTS foreign_ids (event_id VARCHAR PRIMARY KEY)");
            Execute(writer, "CREATE TABLE IF NOT EXISTS cursors (consumer VARCHAR PRIMARY KEY, position BIGINT NOT NULL)");
            Execute(writer, "CREATE TEMP TABLE IF NOT EXISTS incoming_ids (event_id VARCHAR)");
            return new EventStore(path, writer);
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    /// <summary>The position a consumer committed with its last <see cref="Append"/>, or null if none.</summary>
    public long? GetCursor(string consumer)
    {
        lock (_writeLock)
        {
            using var command = _writer.CreateCommand();
            command.CommandText = "SELECT position FROM cursors WHERE consumer = $consumer";
            command.Parameters.Add(new DuckDBParameter("consumer", consumer));
            return command.ExecuteScalar() is long position ? position : null;
        }
    }

    /// <summary>
    /// Stores <paramref name="events"/> and sets <paramref name="consumer"/>'s cursor to
    /// <paramref name="cursor"/>, atomically. Returns how many events were new (foreign ids seen
    /// before, in the store or earlier in the batch, are skipped).
    /// </summary>
    public int Append(IReadOnlyList<IndexedEvent> events, string consumer, long cursor)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _writer.BeginTransaction();
            var skip = KnownForeignIds(events);
            var added = 0;
            using (var appender = _writer.CreateAppender("events"))
            {
                foreach (var e in events)
                {
                    if (e.IdIsForeign && !skip.Add(e.EventId))
                    {
                        continue;
                    }

                    var types = new List<string?>(e.Resources.Count);
                    var names = new List<string?>(e.Resources.Count);
                    foreach (var resource in e.Resources)
                    {
                        types.Add(resource.Type);
                        names.Add(resource.Name);
                    }

                    appender.CreateRow()
                        .AppendValue(e.EventTimeMicros)
                        .AppendValue(e.EventId)
                        .AppendValue(e.EventName)
                        .AppendValue(e.EventSource)
                        .AppendValue(e.ReadOnly)
                        .AppendValue(e.Username)
                        .AppendValue(e.AccessKeyId)
                        .AppendValue(types)
                        .AppendValue(names)
                        .AppendValue(e.EventCategory)
                        .AppendValue(Encoding.UTF8.GetString(e.RecordJson.Span))
                        .EndRow();
                    added++;
                }
            }

            using (var command = _writer.CreateCommand())
            {
                command.CommandText = "INSERT OR REPLACE INTO cursors VALUES ($consumer, $position)";
                command.Parameters.Add(new DuckDBParameter("consumer", consumer));
                command.Parameters.Add(new DuckDBParameter("position", cursor));
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            return added;
        }
    }

    /// <summary>
    /// Registers the batch's foreign ids and returns those already stored: the set the append loop
    /// then also uses to drop repeats within the batch.
    /// </summary>
    private HashSet<string> KnownForeignIds(IReadOnlyList<IndexedEvent> events)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        var any = false;
        Execute(_writer, "DELETE FROM incoming_ids");
        using (var appender = _writer.CreateAppender("incoming_ids"))
        {
            foreach (var e in events)
            {
                if (e.IdIsForeign)
                {
                    appender.CreateRow().AppendValue(e.EventId).EndRow();
                    any = true;
                }
            }
        }

        if (!any)
        {
            return known;
        }

        using (var command = _writer.CreateCommand())
        {
            command.CommandText = "SELECT DISTINCT f.event_id FROM incoming_ids i JOIN foreign_ids f ON f.event_id = i.event_id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                known.Add(reader.GetString(0));
            }
        }

        Execute(_writer, "INSERT OR IGNORE INTO foreign_ids SELECT DISTINCT event_id FROM incoming_ids");
        return known;
    }

    /// <summary>Events matching every attribute, newest first (eventTime, then eventID, descending).</summary>
    /// <remarks>
    /// Events arrive roughly in time order, so the store's row groups are ordered by time and their
    /// min/max statistics let DuckDB skip whole groups outside a time range. A lookup therefore asks
    /// for the newest window first (one hour), and widens it eightfold each time the page is not
    /// full yet: a page of recent events touches recent row groups only, and a lookup that matches
    /// little still scans the range about once in total.
    /// </remarks>
    public LookupPage Lookup(LookupRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = request.MaxResults + 1;
        var rows = new List<LookupRow>(Math.Min(limit, 64));
        var upper = request.After is { } after ? Math.Min(request.EndMicros, after.EventTimeMicros) : request.EndMicros;
        // An eventID names one event, and ids Contrail assigns are time-ordered (UUIDv7), so the
        // id's own min/max statistics already skip nearly every row group: one query is cheapest.
        var span = request.Attributes.Any(a => a.Key == LookupAttributeKey.EventId) ? long.MaxValue : FirstWindowMicros;
        var connection = RentReader();
        try
        {
            while (upper >= request.StartMicros && rows.Count < limit)
            {
                var lower = upper - request.StartMicros <= span ? request.StartMicros : upper - span;
                QueryWindow(connection, request, lower, upper, limit - rows.Count, rows);
                upper = lower - 1;
                span = span > long.MaxValue / 8 ? long.MaxValue : span * 8;
            }
        }
        finally
        {
            _readers.Add(connection);
        }

        PageKey? next = null;
        if (rows.Count > request.MaxResults)
        {
            rows.RemoveAt(rows.Count - 1);
            var last = rows[^1];
            next = new PageKey(last.EventTimeMicros, last.EventId);
        }

        return new LookupPage(rows, next);
    }

    /// <summary>The first time window a lookup searches, back from its end: one hour.</summary>
    private const long FirstWindowMicros = 3_600_000_000;

    /// <summary>Adds up to <paramref name="limit"/> matching rows with eventTime in [lower, upper], newest first.</summary>
    private static void QueryWindow(DuckDBConnection connection, LookupRequest request, long lower, long upper, int limit, List<LookupRow> rows)
    {
        using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {Columns} FROM events WHERE event_time BETWEEN $start AND $end");
        command.Parameters.Add(new DuckDBParameter("start", lower));
        command.Parameters.Add(new DuckDBParameter("end", upper));
        sql.Append(request.InsightsOnly ? " AND category = 'Insight'" : " AND category IN ('Management', 'ActivityAuditLog')");
        for (var i = 0; i < request.Attributes.Count; i++)
        {
            var (key, value) = request.Attributes[i];
            var name = "a" + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(" AND ").Append(Condition(key, name));
            command.Parameters.Add(key == LookupAttributeKey.ReadOnly
                ? new DuckDBParameter(name, string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
                : new DuckDBParameter(name, value));
        }

        if (request.After is { } after)
        {
            sql.Append(" AND (event_time < $after_time OR (event_time = $after_time AND event_id < $after_id))");
            command.Parameters.Add(new DuckDBParameter("after_time", after.EventTimeMicros));
            command.Parameters.Add(new DuckDBParameter("after_id", after.EventId));
        }

        sql.Append(" ORDER BY event_time DESC, event_id DESC LIMIT $limit");
        command.Parameters.Add(new DuckDBParameter("limit", limit));
        command.CommandText = sql.ToString();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(ReadRow(reader));
        }
    }

    /// <summary>Removes events older than <paramref name="micros"/> (the history window); returns how many.</summary>
    public int DeleteOlderThan(long micros)
    {
        lock (_writeLock)
        {
            using var command = _writer.CreateCommand();
            command.CommandText = "DELETE FROM events WHERE event_time < $t";
            command.Parameters.Add(new DuckDBParameter("t", micros));
            return command.ExecuteNonQuery();
        }
    }

    /// <summary>Number of stored events.</summary>
    public long Count()
    {
        var connection = RentReader();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM events";
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        finally
        {
            _readers.Add(connection);
        }
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            while (_readers.TryTake(out var reader))
            {
                reader.Dispose();
            }

            Execute(_writer, "CHECKPOINT");
            _writer.Dispose();
        }
    }

    private static string Condition(LookupAttributeKey key, string parameter) => key switch
    {
        LookupAttributeKey.EventId => $"event_id = ${parameter}",
        LookupAttributeKey.EventName => $"event_name = ${parameter}",
        LookupAttributeKey.ReadOnly => $"read_only = ${parameter}",
        LookupAttributeKey.Username => $"username = ${parameter}",
        LookupAttributeKey.ResourceType => $"list_contains(resource_types, ${parameter})",
        LookupAttributeKey.ResourceName => $"list_contains(resource_names, ${parameter})",
        LookupAttributeKey.EventSource => $"event_source = ${parameter}",
        LookupAttributeKey.AccessKeyId => $"access_key_id = ${parameter}",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown lookup attribute."),
    };

    private static LookupRow ReadRow(DuckDBDataReader reader)
    {
        var types = reader.IsDBNull(7) ? [] : reader.GetFieldValue<List<string?>>(7);
        var names = reader.IsDBNull(8) ? [] : reader.GetFieldValue<List<string?>>(8);
        var resources = types.Count == 0 ? [] : new EventResource[types.Count];
        for (var i = 0; i < resources.Length; i++)
        {
            resources[i] = new EventResource(types[i], i < names.Count ? names[i] : null);
        }

        return new LookupRow(
            EventId: reader.GetString(1),
            EventName: reader.IsDBNull(2) ? null : reader.GetString(2),
            EventSource: reader.IsDBNull(3) ? null : reader.GetString(3),
            ReadOnly: reader.IsDBNull(4) ? null : reader.GetBoolean(4),
            Username: reader.IsDBNull(5) ? null : reader.GetString(5),
            AccessKeyId: reader.IsDBNull(6) ? null : reader.GetString(6),
            EventTimeMicros: reader.GetInt64(0),
            Resources: resources,
            RecordJson: reader.GetString(9));
    }

    private DuckDBConnection RentReader()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_readers.TryTake(out var connection))
        {
            return connection;
        }

        connection = new DuckDBConnection($"Data Source={_path}");
        connection.Open();
        return connection;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
