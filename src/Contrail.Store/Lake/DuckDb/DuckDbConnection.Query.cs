using System.Globalization;
using Contrail.Store.Lake.DuckDb.Native;

namespace Contrail.Store.Lake.DuckDb;

/// <summary>
/// The steps of a user's query, each of which can refuse it:
/// <code>
/// parse (duckdb_extract_statements)      not empty, no NUL, no syntax error     no side effects
/// gate  (json_serialize_sql)             the parser calls every statement       no side effects
///                                        a SELECT, there is exactly one, and
///                                        subqueries nest at most MaxSubqueryDepth
/// bind  (duckdb_prepare_extracted_…)     tables, functions and files resolved   file opens: sandboxed
///       statement type SELECT, no parameters, every column type readable; interruptible now and then
/// run   (duckdb_pending_prepared,        interruptible from here on
///        duckdb_execute_pending)
/// read  (duckdb_fetch_chunk)             up to MaxRows, token checked per chunk
/// </code>
/// The gate comes before binding because binding is not free of effects: binding
/// <c>EXPORT DATABASE 'dir'</c> creates <c>dir</c>, and the sandbox lets SQL write inside the
/// allowed directories.
/// </summary>
internal sealed partial class DuckDbConnection
{
    private DuckDbQueryResult Run(string sql, CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(Settings.QueryTimeout, _database.TimeProvider);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token, _closing.Token);
        try
        {
            return RunQuery(sql, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The query was cancelled; DuckDB stopped it (INTERRUPT Error: Interrupted!).", cancellationToken);
            }

            ObjectDisposedException.ThrowIf(_closing.IsCancellationRequested, this);
            return DuckDbQueryResult.Failure(
                DuckDbFailure.TimedOut,
                $"The query ran longer than its time budget of {Settings.QueryTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s and was stopped.",
                DuckDbErrorType.Interrupt);
        }
        catch (DuckDbValueOutOfRangeException e)
        {
            return DuckDbQueryResult.Failure(DuckDbFailure.ValueOutOfRange, $"The result holds a value with no .NET counterpart: {e.Message}.");
        }
    }

    private DuckDbQueryResult RunQuery(string sql, CancellationToken stop)
    {
        if (sql.Contains('\0', StringComparison.Ordinal))
        {
            return DuckDbQueryResult.Failure(DuckDbFailure.NotSingleStatement, "The query contains a NUL character.");
        }

        var count = DuckDbNative.duckdb_extract_statements(_handle, sql, out var extracted);
        try
        {
            if (count == 0)
            {
                var error = DuckDbNative.Borrow(DuckDbNative.duckdb_extract_statements_error(extracted));
                return error is null ? DuckDbQueryResult.Failure(DuckDbFailure.NotSingleStatement, "The query is empty.") : EngineFailure(error);
            }

            // Before counting: DuckDB's transformer turns some statements into several (PIVOT into
            // CREATE TYPE and SELECT), and "not a query" is the better answer for them.
            if (Gate(sql) is { } refused)
            {
                return refused;
            }

            if (count > 1)
            {
                return DuckDbQueryResult.Failure(
                    DuckDbFailure.NotSingleStatement, $"The text holds {count.ToString(CultureInfo.InvariantCulture)} statements; a query is one statement.");
            }

            stop.ThrowIfCancellationRequested();
            return Bind(extracted, stop);
        }
        finally
        {
            DuckDbNative.duckdb_destroy_extracted(ref extracted);
        }
    }

    private DuckDbQueryResult Bind(nint extracted, CancellationToken stop)
    {
        // DuckDB's planner looks at the interrupt flag now and then (DuckDB clears it when binding
        // starts, so an interrupt that comes earlier is lost and caught by the check below).
        DuckDbState state;
        nint prepared;
        using (stop.Register(Interrupt, _handle))
        {
            state = DuckDbNative.duckdb_prepare_extracted_statement(_handle, extracted, 0, out prepared);
        }

        try
        {
            stop.ThrowIfCancellationRequested();
            if (state != DuckDbState.Success)
            {
                return EngineFailure(DuckDbNative.Borrow(DuckDbNative.duckdb_prepare_error(prepared)));
            }

            var type = DuckDbNative.duckdb_prepared_statement_type(prepared);
            if (type != DuckDbStatementType.Select)
            {
                return DuckDbQueryResult.Failure(DuckDbFailure.NotSelect, $"Only a query (SELECT) runs here; DuckDB binds this statement as {type.ToString().ToUpperInvariant()}.");
            }

            if (DuckDbNative.duckdb_nparams(prepared) > 0)
            {
                return DuckDbQueryResult.Failure(DuckDbFailure.Parameters, "The query has parameters ($1, ?), and none are bound.");
            }

            var columns = PreparedColumns(prepared);
            foreach (var column in columns)
            {
                if (!column.Type.IsSupported)
                {
                    return DuckDbQueryResult.Failure(
                        DuckDbFailure.UnsupportedType,
                        $"Column \"{column.Name}\" has type {column.Type.Name}, which Contrail does not read; CAST it to VARCHAR.");
                }
            }

            stop.ThrowIfCancellationRequested();
            return Execute(prepared, columns, stop);
        }
        finally
        {
            DuckDbNative.duckdb_destroy_prepare(ref prepared);
        }
    }

    private DuckDbQueryResult Execute(nint prepared, DuckDbColumn[] columns, CancellationToken stop)
    {
        var state = DuckDbNative.duckdb_pending_prepared(prepared, out var pending);
        try
        {
            if (state != DuckDbState.Success)
            {
                return EngineFailure(DuckDbNative.Borrow(DuckDbNative.duckdb_pending_error(pending)));
            }

            // DuckDB clears a connection's interrupt flag when a query starts, inside
            // duckdb_pending_prepared. Registered only now, an interrupt cannot be lost; if the token
            // is already cancelled, Register calls it at once.
            DuckDbNativeResult result;
            using (stop.Register(Interrupt, _handle))
            {
                Volatile.Write(ref _running, true);
                try
                {
                    state = DuckDbNative.duckdb_execute_pending(pending, out result);
                }
                finally
                {
                    Volatile.Write(ref _running, false);
                }
            }

            try
            {
                if (state != DuckDbState.Success)
                {
                    var errorType = DuckDbNative.duckdb_result_error_type(ref result);
                    if (errorType == DuckDbErrorType.Interrupt)
                    {
                        stop.ThrowIfCancellationRequested();
                    }

                    var message = DuckDbNative.Borrow(DuckDbNative.duckdb_result_error(ref result)) ?? "DuckDB reported an error without a message.";
                    return DuckDbQueryResult.Failure(DuckDbFailure.Engine, message, errorType);
                }

                var (rows, truncated) = DuckDbResultReader.Read(result, columns, Settings.MaxRows, stop);
                return DuckDbQueryResult.Success(columns, rows, truncated);
            }
            finally
            {
                DuckDbNative.duckdb_destroy_result(ref result);
            }
        }
        finally
        {
            DuckDbNative.duckdb_destroy_pending(ref pending);
        }
    }

    private static void Interrupt(object? connection) => DuckDbNative.duckdb_interrupt((nint)connection!);

    private static DuckDbColumn[] PreparedColumns(nint prepared)
    {
        var columns = new DuckDbColumn[checked((int)DuckDbNative.duckdb_prepared_statement_column_count(prepared))];
        for (var i = 0; i < columns.Length; i++)
        {
            var name = DuckDbNative.Take(DuckDbNative.duckdb_prepared_statement_column_name(prepared, (ulong)i)) ?? "";
            var type = DuckDbNative.duckdb_prepared_statement_column_logical_type(prepared, (ulong)i);
            try
            {
                columns[i] = new DuckDbColumn(name, DuckDbLogicalType.FromHandle(type));
            }
            finally
            {
                DuckDbNative.duckdb_destroy_logical_type(ref type);
            }
        }

        return columns;
    }

    private static DuckDbQueryResult EngineFailure(string? message)
    {
        message ??= "DuckDB reported an error without a message.";
        return DuckDbQueryResult.Failure(DuckDbFailure.Engine, message, DuckDbErrorMessages.CategoryOf(message));
    }
}
