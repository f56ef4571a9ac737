using System.Collections.Concurrent;
using System.Globalization;
using Contrail.Store.Lake.DuckDb.Native;

namespace Contrail.Store.Lake.DuckDb;

/// <summary>
/// An embedded DuckDB database that is safe to give users' SQL: opened in a sandbox that cannot be
/// undone from SQL. In order, <see cref="Open"/>:
/// <list type="number">
/// <item>opens with extension auto-install and auto-load off, community extensions and persistent
/// secrets refused, the memory limit, threads and spill directory set;</item>
/// <item>sets the time zone to UTC;</item>
/// <item>sets <c>allowed_directories</c> (DuckDB accepts it only at run time, and only while
/// external access is still on), then <c>enable_external_access = false</c>;</item>
/// <item>runs the trusted <see cref="DuckDbOptions.Setup"/> statements, already inside the sandbox;</item>
/// <item>sets <c>lock_configuration = true</c>, and reads both settings back.</item>
/// </list>
/// Thread-safe: <see cref="Open"/> and <see cref="Connect"/> from any thread; each connection runs
/// one query at a time; a database file is open at most once per process.
/// <see cref="Dispose"/> interrupts running queries, waits for them, and closes every connection.
/// </summary>
internal sealed class DuckDbDatabase : IDisposable
{
    // Database files open in this process. DuckDB's file lock (fcntl) does not stop the process that
    // holds it, so a second duckdb_open of the same file succeeds and two instances would write it.
    private static readonly ConcurrentDictionary<string, byte> OpenFiles = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<DuckDbConnection, byte> _connections = new();
    private readonly Lock _lock = new();
    private readonly string? _file;
    private nint _handle;

    private DuckDbDatabase(nint handle, DuckDbSettings settings, string? file, TimeProvider timeProvider)
    {
        _handle = handle;
        _file = file;
        Settings = settings;
        TimeProvider = timeProvider;
    }

    /// <summary>The version of the DuckDB library in use ("v1.5.6").</summary>
    public static string LibraryVersion => DuckDbNative.LibraryVersion;

    /// <summary>The settings it was opened with.</summary>
    public DuckDbSettings Settings { get; }

    internal TimeProvider TimeProvider { get; }

    /// <summary>Opens a database in the sandbox described on <see cref="DuckDbDatabase"/>.</summary>
    /// <param name="options">Settings; validated here.</param>
    /// <param name="timeProvider">The clock of query time budgets (default: the system's).</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="DuckDbException">DuckDB could not open the database, or a setup statement failed.</exception>
    /// <exception cref="InvalidOperationException">The file is already open in this process (share that database instead).</exception>
    public static DuckDbDatabase Open(DuckDbOptions options, TimeProvider? timeProvider = null)
    {
        var settings = DuckDbSettings.From(options);
        var file = settings.Path is null || !File.Exists(settings.Path)
            ? settings.Path
            : File.ResolveLinkTarget(settings.Path, returnFinalTarget: true)?.FullName ?? settings.Path;
        if (file is not null && !OpenFiles.TryAdd(file, 0))
        {
            throw new InvalidOperationException($"The DuckDB database {file} is already open in this process; a file is opened once, and its connections shared.");
        }

        DuckDbDatabase? database = null;
        try
        {
            database = new DuckDbDatabase(OpenHandle(settings), settings, file, timeProvider ?? TimeProvider.System);
            database.CloseSandbox();
            return database;
        }
        catch
        {
            if (database is null && file is not null)
            {
                OpenFiles.TryRemove(file, out _);
            }

            database?.Dispose();
            throw;
        }
    }

    /// <summary>Opens a connection; thread-safe. Dispose it when done (or dispose the database).</summary>
    /// <exception cref="ObjectDisposedException">The database was disposed.</exception>
    public DuckDbConnection Connect()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_handle == 0, this);
            if (DuckDbNative.duckdb_connect(_handle, out var connection) != DuckDbState.Success)
            {
                throw new DuckDbException("DuckDB could not open a connection.", DuckDbErrorType.Connection);
            }

            var result = new DuckDbConnection(this, connection);
            _connections[result] = 0;
            return result;
        }
    }

    /// <summary>Interrupts running queries, closes every connection and then the database. Idempotent.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_handle == 0)
            {
                return;
            }

            foreach (var connection in _connections.Keys)
            {
                connection.Dispose();
            }

            DuckDbNative.duckdb_close(ref _handle);
            _handle = 0;
            if (_file is not null)
            {
                OpenFiles.TryRemove(_file, out _);
            }
        }
    }

    internal void Forget(DuckDbConnection connection) => _connections.TryRemove(connection, out _);

    private static nint OpenHandle(DuckDbSettings settings)
    {
        if (DuckDbNative.duckdb_create_config(out var config) != DuckDbState.Success)
        {
            throw new DuckDbException("DuckDB could not create a configuration.");
        }

        try
        {
            foreach (var (name, value) in OpenConfiguration(settings))
            {
                if (DuckDbNative.duckdb_set_config(config, name, value) != DuckDbState.Success)
                {
                    throw new DuckDbException($"DuckDB refused the setting {name} = '{value}'.", DuckDbErrorType.Settings);
                }
            }

            if (DuckDbNative.duckdb_open_ext(settings.Path, out var handle, config, out var error) != DuckDbState.Success)
            {
                var message = DuckDbNative.Take(error) ?? "DuckDB could not open the database.";
                DuckDbNative.duckdb_close(ref handle);
                throw new DuckDbException(message, DuckDbErrorMessages.CategoryOf(message));
            }

            return handle;
        }
        finally
        {
            DuckDbNative.duckdb_destroy_config(ref config);
        }
    }

    // Settings DuckDB takes when it opens. Not among them: enable_external_access (allowed_directories
    // can only be set at run time, and only while external access is still on) and TimeZone (the icu
    // extension registers it after the configuration is read: "The following options were not
    // recognized: TimeZone").
    private static IEnumerable<(string Name, string Value)> OpenConfiguration(DuckDbSettings settings)
    {
        yield return ("autoinstall_known_extensions", "false");
        yield return ("autoload_known_extensions", "false");
        yield return ("allow_community_extensions", "false");
        yield return ("allow_unsigned_extensions", "false");
        yield return ("allow_persistent_secrets", "false");
        yield return ("memory_limit", settings.MemoryLimitBytes.ToString(CultureInfo.InvariantCulture) + "B");
        yield return ("threads", settings.Threads.ToString(CultureInfo.InvariantCulture));
        yield return ("temp_directory", settings.TempDirectory ?? "");
        yield return ("max_expression_depth", settings.MaxExpressionDepth.ToString(CultureInfo.InvariantCulture));
        if (settings.ReadOnly)
        {
            yield return ("access_mode", "READ_ONLY");
        }
    }

    private void CloseSandbox()
    {
        using var connection = Connect();
        connection.ExecuteTrusted("SET TimeZone = 'UTC'");
        if (Settings.AllowedDirectories.Count > 0)
        {
            connection.ExecuteTrusted("SET allowed_directories = [" + string.Join(", ", Settings.AllowedDirectories.Select(Literal)) + "]");
        }

        connection.ExecuteTrusted("SET enable_external_access = false");
        foreach (var statement in Settings.Setup)
        {
            connection.ExecuteTrusted(statement);
        }

        connection.ExecuteTrusted("SET lock_configuration = true");

        // Fail-stop: never hand out a database whose sandbox is not what it should be.
        var row = connection.QueryTrusted("SELECT current_setting('enable_external_access'), current_setting('lock_configuration')").Single();
        if (row[0] is not false || row[1] is not true)
        {
            throw new DuckDbException($"DuckDB's sandbox did not close: enable_external_access = {row[0]}, lock_configuration = {row[1]}.");
        }
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
