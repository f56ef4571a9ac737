using Contrail.Store.Lake.DuckDb.Native;

namespace Contrail.Store.Lake.DuckDb;

/// <summary>Reads a materialized <c>duckdb_result</c> chunk by chunk (<c>duckdb_fetch_chunk</c>) into rows of .NET values.</summary>
internal static class DuckDbResultReader
{
    /// <summary>The columns of a result, from its own metadata.</summary>
    public static DuckDbColumn[] Columns(ref DuckDbNativeResult result)
    {
        var columns = new DuckDbColumn[checked((int)DuckDbNative.duckdb_column_count(ref result))];
        for (var i = 0; i < columns.Length; i++)
        {
            var name = DuckDbNative.Borrow(DuckDbNative.duckdb_column_name(ref result, (ulong)i)) ?? "";
            var type = DuckDbNative.duckdb_column_logical_type(ref result, (ulong)i);
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

    /// <summary>
    /// Reads up to <paramref name="maxRows"/> rows; <c>Truncated</c> when there were more. Checks
    /// <paramref name="cancellationToken"/> before each chunk (2048 rows).
    /// </summary>
    /// <exception cref="DuckDbValueOutOfRangeException">A value has no .NET counterpart.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static (List<object?[]> Rows, bool Truncated) Read(
        DuckDbNativeResult result, IReadOnlyList<DuckDbColumn> columns, int maxRows, CancellationToken cancellationToken)
    {
        var rows = new List<object?[]>();
        var readers = new DuckDbVectorReader[columns.Count];
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = DuckDbNative.duckdb_fetch_chunk(result);
            if (chunk == 0)
            {
                return (rows, false);
            }

            try
            {
                for (var c = 0; c < readers.Length; c++)
                {
                    readers[c] = new DuckDbVectorReader(DuckDbNative.duckdb_data_chunk_get_vector(chunk, (ulong)c), columns[c].Type);
                }

                var size = DuckDbNative.duckdb_data_chunk_get_size(chunk);
                for (ulong r = 0; r < size; r++)
                {
                    if (rows.Count == maxRows)
                    {
                        return (rows, true);
                    }

                    var row = new object?[readers.Length];
                    for (var c = 0; c < readers.Length; c++)
                    {
                        row[c] = readers[c].Read(r);
                    }

                    rows.Add(row);
                }
            }
            finally
            {
                DuckDbNative.duckdb_destroy_data_chunk(ref chunk);
            }
        }
    }
}
