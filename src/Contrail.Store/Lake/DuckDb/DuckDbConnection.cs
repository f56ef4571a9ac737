using Contrail.Store.Lake.DuckDb.Native;

namespace Contrail.Store.Lake.DuckDb;

/// <summary>
/// A connection to a <see cref="DuckDbDatabase"/>: runs one query at a time (a second
/// <see cref="ExecuteAsync"/> while one runs is an error; open a connection per concurrent query).
/// The query runs on a thread of its own, since DuckDB's calls block; cancelling the token, the
/// time budget running out, or <see cref="Dispose"/> stops it with <c>duckdb_interrupt</c>.
/// </summary>
internal sealed partial class DuckDbConnection : IDisposable
{
    private readonly DuckDbDatabase _database;

    // Held by the running query (and for good by Dispose). Neither it nor _closing is disposed:
    // neither has a wait handle or timer to free, and a late caller then gets ObjectDisposedException.
    private readonly SemaphoreSlim _busy = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private nint _handle;
    private int _disposed;
    private bool _running;

    internal DuckDbConnection(DuckDbDatabase database, nint handle)
    {
        _database = database;
        _handle = handle;
    }

    private DuckDbSettings Settings => _database.Settings;

    /// <summary>Whether a query is executing inside DuckDB right now (past parsing and binding); for diagnostics and tests.</summary>
    internal bool IsRunning => Volatile.Read(ref _running);

    /// <summary>
    /// Runs one query from a user: a single read-only SELECT (see <see cref="DuckDbFailure"/> for
    /// what else is refused, before DuckDB binds it), within the time budget and row limit of
    /// <see cref="DuckDbOptions"/>. DuckDB's errors (syntax, unknown table, the sandbox's
    /// "Permission Error") come back as <see cref="DuckDbQueryResult.Error"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; DuckDB stopped the query.</exception>
    /// <exception cref="InvalidOperationException">Another query is running on this connection.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed (also while the query ran).</exception>
    public async Task<DuckDbQueryResult> ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_busy.Wait(0))
        {
            throw new InvalidOperationException("A DuckDbConnection runs one query at a time; open one connection per concurrent query.");
        }

        try
        {
            return await Task.Factory.StartNew(
                () => Run(sql, cancellationToken),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).ConfigureAwait(false);
        }
        finally
        {
            _busy.Release();
        }
    }

    /// <summary>Interrupts a running query, waits for it to stop, and disconnects. Idempotent; thread-safe.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _closing.Cancel();
        _busy.Wait();
        if (_gate != 0)
        {
            DuckDbNative.duckdb_destroy_prepare(ref _gate);
        }

        DuckDbNative.duckdb_disconnect(ref _handle);
        _database.Forget(this);
    }

    /// <summary>Runs trusted statements (any kind, several allowed); for the database's own setup.</summary>
    /// <exception cref="DuckDbException">DuckDB reported an error.</exception>
    internal void ExecuteTrusted(string sql) => QueryTrusted(sql);

    /// <summary>Runs trusted statements and returns the last one's rows, all of them.</summary>
    /// <exception cref="DuckDbException">DuckDB reported an error.</exception>
    internal List<object?[]> QueryTrusted(string sql)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        _busy.Wait();
        try
        {
            var state = DuckDbNative.duckdb_query(_handle, sql, out var result);
            try
            {
                if (state != DuckDbState.Success)
                {
                    var message = DuckDbNative.Borrow(DuckDbNative.duckdb_result_error(ref result)) ?? "DuckDB reported an error without a message.";
                    throw new DuckDbException(message, DuckDbNative.duckdb_result_error_type(ref result));
                }

                return DuckDbResultReader.Read(result, DuckDbResultReader.Columns(ref result), int.MaxValue, CancellationToken.None).Rows;
            }
            finally
            {
                DuckDbNative.duckdb_destroy_result(ref result);
            }
        }
        finally
        {
            _busy.Release();
        }
    }
}
