using Contrail.Store.Lake.DuckDb;

namespace Contrail.Store.Tests.Lake.DuckDb;

/// <summary>Opening the engine: the library, file databases, options, setup, memory and spilling.</summary>
public sealed class DuckDbDatabaseTests : IDisposable
{
    private readonly TempDirectory _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void LibraryVersion_IsTheOneTheBuildFetched()
    {
        File.Exists(Path.Combine(AppContext.BaseDirectory, "libduckdb.so")).ShouldBeTrue();
        DuckDbDatabase.LibraryVersion.ShouldBe("v1.5.6");
    }

    [Fact]
    public async Task Open_FileDatabase_KeepsWhatSetupWroteAndOpensReadOnly()
    {
        var path = _root.Combine("lake.duckdb");
        using (var database = DuckDbTesting.Open(o =>
        {
            o.Path = path;
            o.Setup.Add("CREATE TABLE IF NOT EXISTS events AS SELECT range AS id FROM range(5)");
        }))
        {
            (await database.ScalarAsync("SELECT count(*) FROM events")).ShouldBe(5L);
        }

        using var readOnly = DuckDbTesting.Open(o =>
        {
            o.Path = path;
            o.ReadOnly = true;
        });
        (await readOnly.ScalarAsync("SELECT sum(id) FROM events")).ShouldBe((Int128)10);
        using var connection = readOnly.Connect();
        Should.Throw<DuckDbException>(() => connection.ExecuteTrusted("INSERT INTO events VALUES (5)"))
            .Message.ShouldStartWith("Invalid Input Error: Cannot execute statement of type \"INSERT\" on database \"lake\" which is attached in read-only mode!");
    }

    [Fact]
    public void Open_SameFileTwice_IsRefusedUntilTheFirstIsDisposed()
    {
        // DuckDB itself would open it twice: its file lock does not stop the process holding it.
        var path = _root.Combine("once.duckdb");
        var first = DuckDbTesting.Open(o => o.Path = path);

        Should.Throw<InvalidOperationException>(() => DuckDbTesting.Open(o => o.Path = _root.Combine(".", "once.duckdb")))
            .Message.ShouldBe($"The DuckDB database {path} is already open in this process; a file is opened once, and its connections shared.");

        first.Dispose();
        DuckDbTesting.Open(o => o.Path = path).Dispose();
    }

    [Fact]
    public void Open_SetupStatementFails_ThrowsDuckDbsError()
    {
        var error = Should.Throw<DuckDbException>(() => DuckDbTesting.Open(o => o.Setup.Add("CREATE TABLE t (x INTEGR)")));

        error.ErrorType.ShouldBe(DuckDbErrorType.Catalog);
        error.Message.ShouldStartWith("Catalog Error: Type with name INTEGR does not exist!");
    }

    [Fact]
    public void Open_SetupTriesToReopenTheSandbox_Fails()
    {
        var error = Should.Throw<DuckDbException>(() => DuckDbTesting.Open(o => o.Setup.Add("SET enable_external_access = true")));

        error.Message.ShouldBe("Invalid Input Error: Cannot enable external access while database is running");
    }

    [Theory]
    [InlineData("relative/lake", "An allowed directory must be an absolute path: 'relative/lake'.")]
    [InlineData("/", "Allowing '/' would open the whole file system to SQL.")]
    public void Open_BadAllowedDirectory_IsRefused(string directory, string message)
    {
        Should.Throw<ArgumentException>(() => DuckDbTesting.Open(o => o.AllowedDirectories.Add(directory))).Message.ShouldStartWith(message);
    }

    [Fact]
    public void Open_OptionsOutOfRange_AreRefused()
    {
        Should.Throw<ArgumentException>(() => DuckDbTesting.Open(o => o.ReadOnly = true));
        Should.Throw<ArgumentOutOfRangeException>(() => DuckDbTesting.Open(o => o.MemoryLimitBytes = 1 << 20));
        Should.Throw<ArgumentOutOfRangeException>(() => DuckDbTesting.Open(o => o.Threads = 0));
        Should.Throw<ArgumentOutOfRangeException>(() => DuckDbTesting.Open(o => o.MaxRows = 0));
        Should.Throw<ArgumentOutOfRangeException>(() => DuckDbTesting.Open(o => o.QueryTimeout = TimeSpan.Zero));
        Should.Throw<ArgumentOutOfRangeException>(() => DuckDbTesting.Open(o => o.QueryTimeout = TimeSpan.FromDays(50)));
    }

    [Fact]
    public async Task Execute_WithoutATimeBudget_Runs()
    {
        using var database = DuckDbTesting.Open(o => o.QueryTimeout = Timeout.InfiniteTimeSpan);

        (await database.ScalarAsync("SELECT 42")).ShouldBe(42);
    }

    [Fact]
    public async Task Execute_NeedsMoreThanTheMemoryLimit_FailsWithOutOfMemoryWhenNothingMaySpill()
    {
        using var database = DuckDbTesting.Open(o => o.MemoryLimitBytes = 64L << 20);

        var error = await database.ErrorAsync(BigSort);

        error.EngineErrorType.ShouldBe(DuckDbErrorType.OutOfMemory);
        error.Message.ShouldStartWith("Out of Memory Error: "); // "could not allocate block", "failed to allocate data": where it ran out
        error.Message.ShouldContain("Database is launched in in-memory mode and no temporary directory is specified.");
    }

    [Fact]
    public async Task Execute_NeedsMoreThanTheMemoryLimit_SpillsIntoTheTempDirectory()
    {
        var spill = _root.Combine("spill");
        using var database = DuckDbTesting.Open(o =>
        {
            o.MemoryLimitBytes = 64L << 20;
            o.TempDirectory = spill;
        });

        (await database.ScalarAsync($"SELECT count(*) FROM ({BigSort})")).ShouldBe(3_000_000L);
        Directory.Exists(spill).ShouldBeTrue();
    }

    private const string BigSort = "SELECT range, md5(range::VARCHAR) AS m FROM range(3000000) ORDER BY m";
}
