using System.Text;
using Contrail.Store.Lake.DuckDb.Native;

namespace Contrail.Store.Lake.DuckDb;

/// <summary>Trusted statements with one bound text parameter: the Lake's bulk appends and its parse-tree reads.</summary>
internal sealed partial class DuckDbConnection
{
    /// <summary>
    /// Runs one trusted statement whose <c>$1</c> is bound to <paramref name="parameter"/> as VARCHAR
    /// (the text never becomes SQL) and returns all its rows. Not for users' SQL: there is no gate.
    /// </summary>
    /// <exception cref="DuckDbException">DuckDB reported an error.</exception>
    internal unsafe List<object?[]> QueryTrusted(string sql, string parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        _busy.Wait();
        nint prepared = 0;
        try
        {
            if (DuckDbNative.duckdb_prepare(_handle, sql, out prepared) != DuckDbState.Success)
            {
                var message = DuckDbNative.Borrow(DuckDbNative.duckdb_prepare_error(prepared)) ?? "DuckDB could not prepare the statement.";
                throw new DuckDbException(message, DuckDbErrorMessages.CategoryOf(message));
            }

            var text = Encoding.UTF8.GetBytes(parameter);
            fixed (byte* bytes = text)
            {
                if (DuckDbNative.duckdb_bind_varchar_length(prepared, 1, bytes, (ulong)text.Length) != DuckDbState.Success)
                {
                    throw new DuckDbException("DuckDB did not take the statement's parameter.");
                }
            }

            var state = DuckDbNative.duckdb_execute_prepared(prepared, out var result);
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
            if (prepared != 0)
            {
                DuckDbNative.duckdb_destroy_prepare(ref prepared);
            }

            _busy.Release();
        }
    }
}
