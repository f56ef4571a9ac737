using System.Diagnostics;
using Contrail.Store.Lake.DuckDb;

namespace Contrail.Store.Tests.Lake.DuckDb;

/// <summary>Cancellation, time budgets, concurrency and the lifetime of connections.</summary>
public sealed class DuckDbConnectionTests
{
    // About 10^12 rows to join: hours on this machine, so only an interrupt ends it.
    private const string Endless = "SELECT count(*) FROM range(1000000) a CROSS JOIN range(1000000) b WHERE a.range + b.range = -1";

    // Generous: an interrupted query stops within milliseconds; this only tells "stopped" from "ran on".
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ExecuteAsync_TokenCancelledWhileRunning_ThrowsOperationCanceledPromptly()
    {
        using var database = DuckDbTesting.Open();
        using var connection = database.Connect();
        using var cancellation = new CancellationTokenSource();
        var stopwatch = Stopwatch.StartNew();

        var query = connection.ExecuteAsync(Endless, cancellation.Token);
        await WaitUntilRunningAsync(connection);
        await cancellation.CancelAsync();

        // Record, not Should.ThrowAsync: that replaces the exception of a cancelled task with its own.
        var error = (await Record.ExceptionAsync(() => query)).ShouldBeAssignableTo<OperationCanceledException>()!;
        error.Message.ShouldBe("The query was cancelled; DuckDB stopped it (INTERRUPT Error: Interrupted!).");
        error.CancellationToken.ShouldBe(cancellation.Token);
        stopwatch.Elapsed.ShouldBeLessThan(Prompt);
        (await connection.ExecuteAsync("SELECT 42")).Rows.ShouldHaveSingleItem().ShouldBe([42]);
    }

    [Fact]
    public async Task ExecuteAsync_TokenAlreadyCancelled_ThrowsWithoutRunning()
    {
        using var database = DuckDbTesting.Open();
        using var connection = database.Connect();

        await Should.ThrowAsync<OperationCanceledException>(() => connection.ExecuteAsync("SELECT 1", new CancellationToken(canceled: true)));
        (await connection.ExecuteAsync("SELECT 1")).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task ExecuteAsync_PastTheTimeBudget_IsStoppedAndReportsTimedOut()
    {
        var time = new ManualTimeProvider();
        using var database = DuckDbTesting.Open(o => o.QueryTimeout = TimeSpan.FromSeconds(5), time);
        using var connection = database.Connect();

        var query = connection.ExecuteAsync(Endless);
        await WaitUntilRunningAsync(connection);
        time.TimerCount.ShouldBe(1);
        time.FireAll();

        var result = await query.WaitAsync(Prompt);
        result.Error.ShouldBe(new DuckDbError(DuckDbFailure.TimedOut, "The query ran longer than its time budget of 5 s and was stopped.", DuckDbErrorType.Interrupt));
        (await connection.ExecuteAsync("SELECT 42")).Rows.ShouldHaveSingleItem().ShouldBe([42]);
    }

    [Fact]
    public async Task ExecuteAsync_WhileAnotherQueryRuns_IsRefused()
    {
        using var database = DuckDbTesting.Open();
        using var connection = database.Connect();
        using var cancellation = new CancellationTokenSource();
        var first = connection.ExecuteAsync(Endless, cancellation.Token);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => connection.ExecuteAsync("SELECT 1"));

        error.Message.ShouldBe("A DuckDbConnection runs one query at a time; open one connection per concurrent query.");
        await cancellation.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => first);
    }

    [Fact]
    public async Task ExecuteAsync_OnSeparateConnections_RunConcurrently()
    {
        using var database = DuckDbTesting.Open();
        var connections = Enumerable.Range(0, 4).Select(_ => database.Connect()).ToArray();
        try
        {
            // One connection holds a query that only ends when cancelled; the others must not wait for it.
            using var cancellation = new CancellationTokenSource();
            var blocker = connections[0].ExecuteAsync(Endless, cancellation.Token);
            await WaitUntilRunningAsync(connections[0]);

            var results = await Task.WhenAll(connections.Skip(1).Select((c, i) => c.ExecuteAsync($"SELECT count(*) + {i} FROM range(1000000) WHERE range % 2 = 0")))
                .WaitAsync(Prompt);

            results.Select(r => (long)r.Rows.ShouldHaveSingleItem()[0]!).ShouldBe([500000L, 500001L, 500002L]);
            blocker.IsCompleted.ShouldBeFalse();
            await cancellation.CancelAsync();
            await Should.ThrowAsync<OperationCanceledException>(() => blocker);
        }
        finally
        {
            foreach (var connection in connections)
            {
                connection.Dispose();
            }
        }
    }

    [Fact]
    public async Task Dispose_WhileAQueryRuns_StopsItAndTheQueryThrowsObjectDisposed()
    {
        using var database = DuckDbTesting.Open();
        var connection = database.Connect();
        var query = connection.ExecuteAsync(Endless);
        await WaitUntilRunningAsync(connection);

        connection.Dispose();

        await Should.ThrowAsync<ObjectDisposedException>(() => query.WaitAsync(Prompt));
        await Should.ThrowAsync<ObjectDisposedException>(() => connection.ExecuteAsync("SELECT 1"));
    }

    [Fact]
    public async Task DatabaseDispose_WhileAQueryRuns_StopsItAndClosesEveryConnection()
    {
        var database = DuckDbTesting.Open();
        var connection = database.Connect();
        var query = connection.ExecuteAsync(Endless);
        await WaitUntilRunningAsync(connection);

        database.Dispose();

        await Should.ThrowAsync<ObjectDisposedException>(() => query.WaitAsync(Prompt));
        Should.Throw<ObjectDisposedException>(database.Connect);
        database.Dispose();
    }

    // Running = inside duckdb_execute_pending, where only an interrupt ends the query. Waited for
    // with a deadline, never a fixed sleep.
    private static async Task WaitUntilRunningAsync(DuckDbConnection connection)
    {
        var deadline = Stopwatch.StartNew();
        while (!connection.IsRunning)
        {
            deadline.Elapsed.ShouldBeLessThan(Prompt, "the query never started");
            await Task.Delay(10);
        }
    }
}
