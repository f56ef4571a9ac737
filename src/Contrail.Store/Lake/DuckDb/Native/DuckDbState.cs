namespace Contrail.Store.Lake.DuckDb.Native;

/// <summary><c>duckdb_state</c>: what most calls of the C API return.</summary>
internal enum DuckDbState
{
    Success = 0,
    Error = 1,
}
