using System.Runtime.InteropServices;

namespace Contrail.Store.Lake.DuckDb.Native;

/// <summary>
/// The part of DuckDB's C API (duckdb.h, DuckDB 1.5.6) that Contrail calls, declared as in the
/// header: handles (<c>duckdb_database</c>, <c>duckdb_connection</c>, …) are opaque pointers
/// (<see cref="nint"/>), <c>idx_t</c> is <see cref="ulong"/>, strings go in as UTF-8. Nothing here
/// is safe to call directly: <see cref="DuckDbDatabase"/> and <see cref="DuckDbConnection"/> own
/// every handle and free it exactly once. Only non-deprecated calls are used (no
/// <c>duckdb_value_*</c>, no streaming results): values are read from data chunks.
/// </summary>
internal static unsafe partial class DuckDbNative
{
    private const string Library = DuckDbLibrary.ImportName;

    static DuckDbNative() => DuckDbLibrary.EnsureResolver();

    // --- Open, connect, configure -----------------------------------------------------------

    /// <summary><paramref name="error"/> (on failure) must be freed with <see cref="duckdb_free"/>.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_open_ext(string? path, out nint database, nint config, out nint error);

    [LibraryImport(Library)]
    internal static partial void duckdb_close(ref nint database);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_connect(nint database, out nint connection);

    /// <summary>Stops the query running on the connection; safe from any thread. A call before the query has begun is lost (DuckDB clears the flag when a query starts).</summary>
    [LibraryImport(Library)]
    internal static partial void duckdb_interrupt(nint connection);

    [LibraryImport(Library)]
    internal static partial void duckdb_disconnect(ref nint connection);

    /// <summary>A static string ("v1.5.6"); not freed.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_library_version();

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_create_config(out nint config);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_set_config(nint config, string name, string option);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_config(ref nint config);

    [LibraryImport(Library)]
    internal static partial void duckdb_free(nint pointer);

    // --- Statements --------------------------------------------------------------------------

    /// <summary>Runs every statement in <paramref name="sql"/>; the result is the last one's. Destroy the result even on error.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_query(nint connection, string sql, out DuckDbNativeResult result);

    /// <summary>Parses (no binding, no side effects) and returns the number of statements; 0 with an error on a parse error.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ulong duckdb_extract_statements(nint connection, string sql, out nint extracted);

    /// <summary>The parse error, or null; owned by the extracted statements.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_extract_statements_error(nint extracted);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_extracted(ref nint extracted);

    /// <summary>Binds the statement: table functions open their files here. Destroy the statement even on error.</summary>
    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_prepare_extracted_statement(nint connection, nint extracted, ulong index, out nint prepared);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_prepare(nint connection, string sql, out nint prepared);

    /// <summary>The bind error, or null; owned by the statement.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_prepare_error(nint prepared);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_prepare(ref nint prepared);

    /// <summary>Only for a statement that prepared without error (DuckDB aborts the process otherwise).</summary>
    [LibraryImport(Library)]
    internal static partial DuckDbStatementType duckdb_prepared_statement_type(nint prepared);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_nparams(nint prepared);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_prepared_statement_column_count(nint prepared);

    /// <summary>Must be freed with <see cref="duckdb_free"/>.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_prepared_statement_column_name(nint prepared, ulong column);

    /// <summary>Must be destroyed with <see cref="duckdb_destroy_logical_type"/>.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_prepared_statement_column_logical_type(nint prepared, ulong column);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_varchar_length(nint prepared, ulong parameter, byte* value, ulong length);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_execute_prepared(nint prepared, out DuckDbNativeResult result);

    /// <summary>Starts a query (DuckDB's per-query cleanup, which clears an earlier interrupt, happens here). Destroy the pending result even on error.</summary>
    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_pending_prepared(nint prepared, out nint pending);

    /// <summary>The error, or null; owned by the pending result.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_pending_error(nint pending);

    /// <summary>Runs the pending query to the end into a materialized result; <see cref="duckdb_interrupt"/> from another thread stops it.</summary>
    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_execute_pending(nint pending, out DuckDbNativeResult result);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_pending(ref nint pending);

    // --- Results -------------------------------------------------------------------------------

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_result(ref DuckDbNativeResult result);

    /// <summary>Owned by the result.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_result_error(ref DuckDbNativeResult result);

    [LibraryImport(Library)]
    internal static partial DuckDbErrorType duckdb_result_error_type(ref DuckDbNativeResult result);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_column_count(ref DuckDbNativeResult result);

    /// <summary>Owned by the result.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_column_name(ref DuckDbNativeResult result, ulong column);

    /// <summary>Must be destroyed with <see cref="duckdb_destroy_logical_type"/>.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_column_logical_type(ref DuckDbNativeResult result, ulong column);

    /// <summary>The next chunk (up to 2048 rows, flat vectors), or null at the end. Takes the result by value, as in duckdb.h.</summary>
    [LibraryImport(Library)]
    internal static partial nint duckdb_fetch_chunk(DuckDbNativeResult result);
}
