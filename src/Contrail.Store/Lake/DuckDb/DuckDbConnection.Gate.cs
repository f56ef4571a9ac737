using System.Globalization;
using System.Text;
using System.Text.Json;
using Contrail.Store.Lake.DuckDb.Native;

namespace Contrail.Store.Lake.DuckDb;

/// <summary>
/// The gate: is the text a SELECT, and not one that would keep the planner busy for minutes,
/// decided by DuckDB's parser alone. <c>json_serialize_sql</c> (json extension, built into the
/// library) parses its argument and serializes SELECT statements only; for anything else it answers
/// <c>{"error":true,"error_type":"not implemented","error_message":"Only SELECT statements can be serialized to json!"}</c>.
/// It never binds, so nothing the statement names is touched. The user's text reaches it as a
/// bound parameter, never spliced into SQL.
/// </summary>
internal sealed partial class DuckDbConnection
{
    private const string GateSql = "SELECT json_serialize_sql($1::VARCHAR)";

    private const string OnlySelect = "Only SELECT statements";

    // The gate's prepared statement, made on first use; owned by the query thread, freed by Dispose.
    private nint _gate;

    private unsafe DuckDbQueryResult? Gate(string sql)
    {
        if (_gate == 0 && DuckDbNative.duckdb_prepare(_handle, GateSql, out _gate) != DuckDbState.Success)
        {
            var message = DuckDbNative.Borrow(DuckDbNative.duckdb_prepare_error(_gate));
            DuckDbNative.duckdb_destroy_prepare(ref _gate);
            throw new DuckDbException($"The SELECT gate did not prepare: {message}");
        }

        var text = Encoding.UTF8.GetBytes(sql);
        fixed (byte* bytes = text)
        {
            if (DuckDbNative.duckdb_bind_varchar_length(_gate, 1, bytes, (ulong)text.Length) != DuckDbState.Success)
            {
                throw new DuckDbException("The SELECT gate did not take the query text.");
            }
        }

        var state = DuckDbNative.duckdb_execute_prepared(_gate, out var result);
        string json;
        try
        {
            if (state != DuckDbState.Success)
            {
                return EngineFailure(DuckDbNative.Borrow(DuckDbNative.duckdb_result_error(ref result)));
            }

            var rows = DuckDbResultReader.Read(result, DuckDbResultReader.Columns(ref result), 1, CancellationToken.None).Rows;
            json = rows.Count == 1 && rows[0][0] is string serialized ? serialized : throw new DuckDbException("The SELECT gate returned no parse tree.");
        }
        finally
        {
            DuckDbNative.duckdb_destroy_result(ref result);
        }

        DuckDbParseTree tree;
        try
        {
            tree = DuckDbParseTree.Read(Encoding.UTF8.GetBytes(json));
        }
        catch (JsonException)
        {
            return DuckDbQueryResult.Failure(DuckDbFailure.TooComplex, "The query's parse tree is nested too deeply to inspect.");
        }

        if (tree.Error)
        {
            return tree.ErrorMessage?.StartsWith(OnlySelect, StringComparison.Ordinal) == true
                ? DuckDbQueryResult.Failure(DuckDbFailure.NotSelect, "Only a query (SELECT) runs here; DuckDB's parser reads this statement as something else.")
                : DuckDbQueryResult.Failure(DuckDbFailure.Engine, $"DuckDB's parser refused the query ({tree.ErrorType}): {tree.ErrorMessage}");
        }

        return tree.SubqueryDepth > Settings.MaxSubqueryDepth
            ? DuckDbQueryResult.Failure(
                DuckDbFailure.TooComplex,
                $"The query nests subqueries {tree.SubqueryDepth.ToString(CultureInfo.InvariantCulture)} deep; at most {Settings.MaxSubqueryDepth.ToString(CultureInfo.InvariantCulture)} are allowed.")
            : null;
    }
}
