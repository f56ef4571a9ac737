using System.Runtime.InteropServices;

namespace Contrail.Store.Lake.DuckDb.Native;

/// <summary>
/// <c>duckdb_result</c>: filled in by <c>duckdb_query</c>, <c>duckdb_execute_pending</c> and
/// <c>duckdb_execute_prepared</c> into memory the caller owns, read only through the
/// <c>duckdb_result_*</c> and <c>duckdb_fetch_chunk</c> functions, freed by
/// <c>duckdb_destroy_result</c> (also after an error). Six pointer-sized fields, 48 bytes:
/// <code>
///  0 deprecated_column_count   8 deprecated_row_count   16 deprecated_rows_changed
/// 24 deprecated_columns       32 deprecated_error       40 internal_data
/// </code>
/// The first five are deprecated and never read here.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbNativeResult
{
    public nuint DeprecatedColumnCount;
    public nuint DeprecatedRowCount;
    public nuint DeprecatedRowsChanged;
    public nint DeprecatedColumns;
    public nint DeprecatedErrorMessage;
    public nint InternalData;
}
