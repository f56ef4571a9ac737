using Contrail.Store.Lake.DuckDb;

namespace Contrail.Store.Tests.Lake.DuckDb;

/// <summary>Shortcuts shared by the engine's tests.</summary>
internal static class DuckDbTesting
{
    /// <summary>An in-memory database with small limits for this 2-core machine, adjusted by <paramref name="configure"/>.</summary>
    public static DuckDbDatabase Open(Action<DuckDbOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var options = new DuckDbOptions { Threads = 2, MemoryLimitBytes = 512L << 20 };
        configure?.Invoke(options);
        return DuckDbDatabase.Open(options, timeProvider);
    }

    /// <summary>Runs <paramref name="sql"/> on a new connection and returns the result, successful or not.</summary>
    public static async Task<DuckDbQueryResult> QueryAsync(this DuckDbDatabase database, string sql)
    {
        using var connection = database.Connect();
        return await connection.ExecuteAsync(sql);
    }

    /// <summary>Runs <paramref name="sql"/> and returns its rows, failing the test if the query failed.</summary>
    public static async Task<IReadOnlyList<object?[]>> RowsAsync(this DuckDbDatabase database, string sql)
    {
        var result = await database.QueryAsync(sql);
        result.Error.ShouldBeNull();
        return result.Rows;
    }

    /// <summary>Runs <paramref name="sql"/> and returns its one value.</summary>
    public static async Task<object?> ScalarAsync(this DuckDbDatabase database, string sql)
    {
        var rows = await database.RowsAsync(sql);
        return rows.ShouldHaveSingleItem().ShouldHaveSingleItem();
    }

    /// <summary>Runs <paramref name="sql"/>, which must fail, and returns the error.</summary>
    public static async Task<DuckDbError> ErrorAsync(this DuckDbDatabase database, string sql)
    {
        var result = await database.QueryAsync(sql);
        result.Succeeded.ShouldBeFalse($"'{sql}' should have failed");
        result.Rows.ShouldBeEmpty();
        return result.Error!;
    }
}
