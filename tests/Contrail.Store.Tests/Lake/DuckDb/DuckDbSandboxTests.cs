using Contrail.Store.Lake.DuckDb;

namespace Contrail.Store.Tests.Lake.DuckDb;

/// <summary>
/// What SQL can reach once the engine is open: only the allowed directories, for reading. Each
/// refusal is asserted with the text DuckDB 1.5.6 gives, so a library that behaves differently
/// fails here (see docs/dev/duckdb.md).
/// </summary>
public sealed class DuckDbSandboxTests : IDisposable
{
    private const string FileRefused = "Permission Error: Cannot access file \"{0}\" - file system operations are disabled by configuration";
    private const string Locked = "Invalid Input Error: Cannot change configuration option \"{0}\" - the configuration has been locked";

    private readonly TempDirectory _root = new();
    private readonly string _lake;
    private readonly string _outside;
    private readonly DuckDbDatabase _database;

    public DuckDbSandboxTests()
    {
        _lake = _root.Combine("lake");
        _outside = _root.Combine("outside");
        Directory.CreateDirectory(_lake);
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_outside, "secret.csv"), "secret\n42\n");
        File.WriteAllText(Path.Combine(_lake, "inside.csv"), "x\n1\n");
        File.CreateSymbolicLink(Path.Combine(_lake, "link.csv"), Path.Combine(_outside, "secret.csv"));
        File.CreateSymbolicLink(Path.Combine(_lake, "linkdir"), _outside);
        _database = DuckDbTesting.Open(o => o.AllowedDirectories.Add(_lake));
    }

    public void Dispose()
    {
        _database.Dispose();
        _root.Dispose();
    }

    [Fact]
    public async Task Settings_AfterOpen_AreTheSandboxes()
    {
        var row = (await _database.RowsAsync("""
            SELECT current_setting('enable_external_access'), current_setting('lock_configuration'),
                   current_setting('autoinstall_known_extensions'), current_setting('autoload_known_extensions'),
                   current_setting('allow_community_extensions'), current_setting('allow_unsigned_extensions'),
                   current_setting('allow_persistent_secrets'), current_setting('TimeZone'),
                   current_setting('temp_directory'), current_setting('threads'), current_setting('memory_limit'),
                   current_setting('allowed_directories'), current_setting('max_expression_depth')
            """)).ShouldHaveSingleItem();

        row.ShouldBe([false, true, false, false, false, false, false, "Etc/UTC", "", 2L, "512.0 MiB", new object?[] { _lake + "/" }, 100UL]);
    }

    [Theory]
    [InlineData("SELECT * FROM read_csv('{outside}/secret.csv')", "{outside}/secret.csv")]
    [InlineData("SELECT * FROM '{outside}/secret.csv'", "{outside}/secret.csv")]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')", "/etc/passwd")]
    [InlineData("SELECT * FROM read_text('/etc/hostname')", "/etc/hostname")]
    [InlineData("SELECT * FROM read_blob('/etc/hostname')", "/etc/hostname")]
    [InlineData("SELECT * FROM glob('/etc/*')", "/etc/*")]
    [InlineData("SELECT * FROM sniff_csv('/etc/passwd')", "/etc/passwd")]
    [InlineData("SELECT * FROM parquet_metadata('{outside}/x.parquet')", "{outside}/x.parquet")]
    [InlineData("SELECT * FROM read_json('{outside}/x.json')", "{outside}/x.json")]
    [InlineData("SELECT * FROM read_csv('{lake}/../outside/secret.csv')", "{lake}/../outside/secret.csv")]
    [InlineData("SELECT * FROM read_csv('{lake}/link.csv')", "{lake}/link.csv")]
    [InlineData("SELECT * FROM read_csv('{lake}/linkdir/secret.csv')", "{lake}/linkdir/secret.csv")]
    [InlineData("SELECT * FROM read_csv('{lake}x/secret.csv')", "{lake}x/secret.csv")]
    [InlineData("SELECT * FROM read_parquet('https://example.com/x.parquet')", "https://example.com/x.parquet")]
    [InlineData("SELECT * FROM read_csv('s3://bucket/x.csv')", "s3://bucket/x.csv")]
    public async Task Execute_FileOutsideTheAllowedDirectories_IsRefusedByDuckDb(string sql, string file)
    {
        var error = await _database.ErrorAsync(Expand(sql));

        error.Failure.ShouldBe(DuckDbFailure.Engine);
        error.EngineErrorType.ShouldBe(DuckDbErrorType.Permission);
        error.Message.ShouldStartWith(string.Format(System.Globalization.CultureInfo.InvariantCulture, FileRefused, Expand(file)));
    }

    [Fact]
    public async Task Execute_GlobInAllowedDirectory_SkipsTheLinkThatLeadsOut()
    {
        (await _database.RowsAsync($"SELECT * FROM read_csv('{_lake}/inside.csv')")).ShouldHaveSingleItem().ShouldBe([1L]);
        (await _database.RowsAsync($"SELECT file FROM glob('{_lake}/**') ORDER BY file")).Select(r => r[0])
            .ShouldBe([$"{_lake}/inside.csv"]);

        // A glob over the directory matches the link too, and the read then stops at it.
        var error = await _database.ErrorAsync($"SELECT * FROM read_csv('{_lake}/*.csv')");
        error.Message.ShouldStartWith(string.Format(System.Globalization.CultureInfo.InvariantCulture, FileRefused, $"{_lake}/link.csv"));
    }

    [Theory]
    [InlineData("COPY (SELECT 1) TO '{lake}/out.csv'")]
    [InlineData("COPY (SELECT 1) TO '{outside}/out.csv'")]
    [InlineData("EXPORT DATABASE '{lake}/export'")]
    [InlineData("ATTACH '{lake}/other.duckdb' AS other")]
    [InlineData("ATTACH ':memory:' AS other")]
    [InlineData("INSTALL httpfs")]
    [InlineData("LOAD httpfs")]
    [InlineData("SET threads = 1")]
    [InlineData("RESET lock_configuration")]
    [InlineData("PRAGMA version")]
    [InlineData("PRAGMA threads = 1")]
    [InlineData("CALL checkpoint()")]
    [InlineData("CREATE TABLE t (x INTEGER)")]
    [InlineData("CREATE MACRO m(x) AS x")]
    [InlineData("CREATE SECRET (TYPE s3, KEY_ID 'k', SECRET 's')")]
    [InlineData("INSERT INTO t VALUES (1)")]
    [InlineData("BEGIN TRANSACTION")]
    [InlineData("EXPLAIN SELECT 1")]
    [InlineData("PIVOT (SELECT 1 AS a, 2 AS b) ON a USING sum(b)")]
    [InlineData("USE memory")]
    [InlineData("DETACH memory")]
    [InlineData("VACUUM")]
    [InlineData("SELECT 1; DROP TABLE t")]
    public async Task Execute_StatementOtherThanSelect_IsRefusedBeforeDuckDbBindsIt(string sql)
    {
        var error = await _database.ErrorAsync(Expand(sql));

        error.Failure.ShouldBe(DuckDbFailure.NotSelect);
        error.Message.ShouldBe("Only a query (SELECT) runs here; DuckDB's parser reads this statement as something else.");
        Directory.EnumerateFileSystemEntries(_lake).Select(Path.GetFileName).Order().ShouldBe(["inside.csv", "link.csv", "linkdir"]);
        Directory.EnumerateFileSystemEntries(_outside).Select(Path.GetFileName).ShouldBe(["secret.csv"]);
    }

    [Theory]
    [InlineData("SELECT 1; SELECT 2", "The text holds 2 statements; a query is one statement.")]
    [InlineData("SELECT 1; SELECT 2; SELECT 3;", "The text holds 3 statements; a query is one statement.")]
    [InlineData("", "The query is empty.")]
    [InlineData("  ;  -- nothing", "The query is empty.")]
    [InlineData("SELECT 1\0; DROP TABLE x", "The query contains a NUL character.")]
    public async Task Execute_NotExactlyOneStatement_IsRefused(string sql, string message)
    {
        var error = await _database.ErrorAsync(sql);

        error.Failure.ShouldBe(DuckDbFailure.NotSingleStatement);
        error.Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("DESCRIBE SELECT 1 AS x")]
    [InlineData("SHOW ALL TABLES")]
    [InlineData("SUMMARIZE SELECT 1 AS x")]
    [InlineData("FROM range(1)")]
    [InlineData("VALUES (1)")]
    [InlineData("WITH a AS (SELECT 1 AS x) SELECT * FROM a")]
    [InlineData("(SELECT 1) UNION ALL (SELECT 2)")]
    [InlineData("SELECT * FROM query('SELECT 1')")]
    public async Task Execute_QueryShapesDuckDbCallsSelect_Run(string sql)
    {
        var result = await _database.QueryAsync(sql);

        result.Error.ShouldBeNull();
        result.Columns.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("SELEC 1", "Parser", "Parser Error: syntax error at or near \"SELEC\"")]
    [InlineData("SELECT * FROM missing", "Catalog", "Catalog Error: Table with name missing does not exist!")]
    [InlineData("SELECT nope", "Binder", "Binder Error: Referenced column \"nope\" was not found because the FROM clause is missing")]
    [InlineData("SELECT CAST('x' AS INTEGER)", "Conversion", "Conversion Error: Could not convert string 'x' to INT32")]
    [InlineData("SELECT * FROM query('CREATE TABLE t (x INTEGER)')", "Parser", "Parser Error: Expected a single SELECT statement")]
    [InlineData("SELECT getenv('HOME')", "Catalog", "Catalog Error: Scalar Function with name getenv does not exist!")]
    public async Task Execute_BadQuery_ReturnsDuckDbsErrorAndCategory(string sql, string type, string message)
    {
        var error = await _database.ErrorAsync(sql);

        error.Failure.ShouldBe(DuckDbFailure.Engine);
        error.EngineErrorType.ShouldBe(Enum.Parse<DuckDbErrorType>(type));
        error.Message.ShouldStartWith(message);
    }

    [Fact]
    public async Task Execute_ExpressionsNestedWithinTheLimit_Run()
    {
        var sql = "SELECT " + string.Concat(Enumerable.Repeat("(1 + ", 40)) + "1" + new string(')', 40);

        (await _database.ScalarAsync(sql)).ShouldBe(41);
    }

    [Theory]
    [InlineData("SELECT {0}", 300, " + ")] // a flat chain nests too: 1 + 2 + 3 is (1 + 2) + 3
    [InlineData("SELECT {0}", 900, "(1 + ")]
    [InlineData("SELECT {0}", 100_000, "(")]
    public async Task Execute_ExpressionsNestedPastTheLimit_AreRefusedByDuckDbsParser(string shape, int count, string piece)
    {
        var nested = piece switch
        {
            " + " => string.Join(piece, Enumerable.Range(0, count)),
            _ => string.Concat(Enumerable.Repeat(piece, count)) + "1" + new string(')', count),
        };

        var error = await _database.ErrorAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, nested));

        error.Failure.ShouldBe(DuckDbFailure.Engine);
        error.EngineErrorType.ShouldBe(DuckDbErrorType.Parser);
        error.Message.ShouldStartWith(count == 100_000 ? "Parser Error: memory exhausted" : "Parser Error: Max expression depth limit of 100 exceeded.");
    }

    [Theory]
    [InlineData("(SELECT ", ")", 12, true)]
    [InlineData("(SELECT ", ")", 13, false)]
    [InlineData("(SELECT ", ")", 25, false)]
    [InlineData("1 WHERE EXISTS (SELECT ", ")", 20, false)]
    [InlineData("1 WHERE 1 IN (SELECT ", ")", 20, false)]
    public async Task Execute_NestedSubqueries_RunUpToTheLimitAndAreRefusedPastIt(string open, string close, int depth, bool runs)
    {
        var sql = "SELECT " + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));

        var result = await _database.QueryAsync(sql);

        if (runs)
        {
            result.Rows.ShouldHaveSingleItem().ShouldBe([1]);
        }
        else
        {
            result.Error.ShouldBe(new DuckDbError(DuckDbFailure.TooComplex, $"The query nests subqueries {depth} deep; at most 12 are allowed."));
        }
    }

    [Fact]
    public async Task Execute_DerivedTablesAndCtes_AreNotSubqueryExpressions()
    {
        var derived = "SELECT * FROM " + string.Concat(Enumerable.Repeat("(SELECT * FROM ", 30)) + "(SELECT 1 AS x)" + string.Concat(Enumerable.Repeat(") t", 30));
        var ctes = "WITH c0 AS (SELECT 1 AS x), " + string.Join(", ", Enumerable.Range(1, 30).Select(i => $"c{i} AS (SELECT x + 1 AS x FROM c{i - 1})")) + " SELECT x FROM c30";

        (await _database.ScalarAsync(derived)).ShouldBe(1);
        (await _database.ScalarAsync(ctes)).ShouldBe(31);
    }

    [Fact]
    public async Task Execute_Parameters_AreRefused()
    {
        var error = await _database.ErrorAsync("SELECT $1");

        error.Failure.ShouldBe(DuckDbFailure.Parameters);
        error.Message.ShouldBe("The query has parameters ($1, ?), and none are bound.");
    }

    // Behind the SELECT gate, DuckDB's own sandbox refuses the same statements: the trusted path
    // (which the gate does not guard) shows what a statement would meet if it got past the gate.
    [Theory]
    [InlineData("COPY (SELECT 1) TO '{outside}/out.csv'", "Permission", "Permission Error: Cannot access file \"{outside}/out.csv\" - file system operations are disabled by configuration")]
    [InlineData("ATTACH '{outside}/other.duckdb' AS other", "Permission", "Permission Error: Cannot access file \"{outside}/other.duckdb\" - file system operations are disabled by configuration")]
    [InlineData("EXPORT DATABASE '{outside}/export'", "Permission", "Permission Error: Cannot access directory \"{outside}/export\" - file system operations are disabled by configuration")]
    [InlineData("INSTALL httpfs", "Permission", "Permission Error: Cannot access directory \"")]
    [InlineData("LOAD httpfs", "Permission", "Permission Error: Loading external extensions is disabled through configuration")]
    [InlineData("LOAD '{outside}/evil.duckdb_extension'", "Permission", "Permission Error: Loading external extensions is disabled through configuration")]
    [InlineData("SET enable_external_access = true", "InvalidInput", "Invalid Input Error: Cannot change configuration option \"enable_external_access\" - the configuration has been locked")]
    [InlineData("SET allowed_directories = ['/']", "InvalidInput", "Invalid Input Error: Cannot change configuration option \"allowed_directories\" - the configuration has been locked")]
    [InlineData("SET allowed_paths = ['/etc/passwd']", "InvalidInput", "Invalid Input Error: Cannot change configuration option \"allowed_paths\" - the configuration has been locked")]
    [InlineData("SET allowed_configs = ['threads']", "InvalidInput", "Invalid Input Error: Cannot change configuration option \"allowed_configs\" - the configuration has been locked")]
    [InlineData("SET lock_configuration = false", "InvalidInput", "Invalid Input Error: Cannot change configuration option \"lock_configuration\" - the configuration has been locked")]
    [InlineData("RESET lock_configuration", "InvalidInput", "Invalid Input Error: Cannot change configuration option \"lock_configuration\" - the configuration has been locked")]
    [InlineData("SET autoload_known_extensions = true", "InvalidInput", "Invalid Input Error: Cannot change configuration option \"autoload_known_extensions\" - the configuration has been locked")]
    [InlineData("SET memory_limit = '100GB'", "InvalidInput", "Invalid Input Error: Cannot change configuration option \"memory_limit\" - the configuration has been locked")]
    [InlineData("SET TimeZone = 'America/New_York'", "InvalidInput", "Invalid Input Error: Cannot change configuration option \"TimeZone\" - the configuration has been locked")]
    [InlineData("PRAGMA threads = 1", "InvalidInput", "Invalid Input Error: Cannot change configuration option \"threads\" - the configuration has been locked")]
    public void ExecuteTrusted_ThingsTheGateRefuses_DuckDbRefusesToo(string sql, string type, string message)
    {
        using var connection = _database.Connect();

        var error = Should.Throw<DuckDbException>(() => connection.ExecuteTrusted(Expand(sql)));

        error.ErrorType.ShouldBe(Enum.Parse<DuckDbErrorType>(type));
        error.Message.ShouldStartWith(Expand(message));
        Directory.EnumerateFileSystemEntries(_outside).Select(Path.GetFileName).ShouldBe(["secret.csv"]);
    }

    [Fact]
    public void ExecuteTrusted_InsideTheAllowedDirectory_CanWrite()
    {
        // Why the gate exists: the sandbox alone lets SQL write where it may read.
        using var connection = _database.Connect();

        connection.ExecuteTrusted($"COPY (SELECT 1 AS x) TO '{_lake}/written.csv'");

        File.ReadAllText(Path.Combine(_lake, "written.csv")).ShouldBe("x\n1\n");
    }

    private string Expand(string text) => text.Replace("{lake}", _lake, StringComparison.Ordinal).Replace("{outside}", _outside, StringComparison.Ordinal);
}
