using Contrail.Store.Lake;

namespace Contrail.Store.Tests.Lake.Engine;

/// <summary>What a Lake query may not do: read files, other tables, DuckDB's catalog; change anything.</summary>
public sealed class LakeSandboxTests(LakeEngineFixture fixture) : IClassFixture<LakeEngineFixture>
{
    private string Id => fixture.StoreId;

    [Theory]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')", "table function read_csv")]
    [InlineData("SELECT * FROM read_text('/etc/passwd')", "table function read_text")]
    [InlineData("SELECT * FROM duckdb_settings()", "table function duckdb_settings")]
    [InlineData("SELECT * FROM query('SELECT 1')", "table function query")]
    [InlineData("SELECT (SELECT count(*) FROM read_parquet('/tmp/*.parquet'))", "table function read_parquet")]
    [InlineData("SELECT * FROM '/etc/passwd'", "DuckDB would take for a file")]
    [InlineData("SELECT * FROM 'https://example.com/x.csv'", "DuckDB would take for a file")]
    [InlineData("SELECT * FROM information_schema.tables", "without a schema or catalog")]
    [InlineData("SELECT * FROM system.main.duckdb_tables", "without a schema or catalog")]
    [InlineData("WITH sqlite_master AS (SELECT * FROM sqlite_master) SELECT * FROM sqlite_master", "reserved")]
    [InlineData("WITH a AS (SELECT * FROM duckdb_tables), duckdb_tables AS (SELECT 1) SELECT * FROM a", "reserved")]
    public async Task Query_ReadingFilesOrTheCatalog_IsAnInvalidQuery(string sql, string message)
    {
        var result = await fixture.Engine.QueryAsync(sql);

        result.Outcome.ShouldBe(LakeQueryOutcome.InvalidQuery);
        result.ErrorMessage.ShouldNotBeNull().ShouldContain(message);
        result.Rows.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("CREATE TABLE x AS SELECT 1")]
    [InlineData("COPY (SELECT 1) TO '{dir}/x.csv'")]
    [InlineData("ATTACH ':memory:' AS m")]
    [InlineData("INSTALL httpfs")]
    [InlineData("LOAD httpfs")]
    [InlineData("SET threads = 1")]
    [InlineData("PRAGMA version")]
    [InlineData("DROP TABLE \"{id}\"")]
    [InlineData("DELETE FROM \"{id}\"")]
    [InlineData("SELECT 1; DROP TABLE \"{id}\"")]
    [InlineData("EXPORT DATABASE '{dir}/export'")]
    public async Task Query_NotASelect_IsRefusedAndChangesNothing(string template)
    {
        var sql = template.Replace("{id}", Id, StringComparison.Ordinal).Replace("{dir}", fixture.Directory + "/parquet", StringComparison.Ordinal);
        var before = fixture.Engine.Count(Id);

        var result = await fixture.Engine.QueryAsync(sql);

        result.Outcome.ShouldBe(LakeQueryOutcome.InvalidQuery);
        result.ErrorMessage.ShouldNotBeNull().ShouldContain("SELECT");
        fixture.Engine.Count(Id).ShouldBe(before);
        File.Exists(Path.Combine(fixture.Directory, "parquet", "x.csv")).ShouldBeFalse();
        Directory.Exists(Path.Combine(fixture.Directory, "parquet", "export")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("SELECT count(*) FROM 9d7cfc4c-2c8f-4b7a-9a9e-6d1e2f3a4b5c")]
    [InlineData("SELECT count(*) FROM events")]
    [InlineData("SELECT * FROM sqlite_master")]
    [InlineData("SELECT * FROM duckdb_tables")]
    [InlineData("SELECT count(*) FROM {id} a JOIN 9d7cfc4c-2c8f-4b7a-9a9e-6d1e2f3a4b5c b ON a.eventid = b.eventid")]
    public async Task Query_TableThatIsNotAStore_IsStoreNotFound(string template)
    {
        var result = await fixture.Engine.QueryAsync(template.Replace("{id}", Id, StringComparison.Ordinal));

        result.Outcome.ShouldBe(LakeQueryOutcome.StoreNotFound);
        result.ErrorMessage.ShouldNotBeNull().ShouldContain("does not exist");
    }

    [Fact]
    public async Task Query_SyntaxError_IsAnInvalidQueryWithTheParsersMessage()
    {
        var result = await fixture.Engine.QueryAsync($"SELEC eventname FROM {Id}");

        result.Outcome.ShouldBe(LakeQueryOutcome.InvalidQuery);
        result.ErrorMessage.ShouldNotBeNull().ShouldContain("syntax error");
    }

    [Fact]
    public async Task Query_UnknownColumn_IsAnInvalidQuery()
    {
        var result = await fixture.Engine.QueryAsync($"SELECT nosuchcolumn FROM {Id}");

        result.Outcome.ShouldBe(LakeQueryOutcome.InvalidQuery);
        result.ErrorMessage.ShouldNotBeNull().ShouldContain("nosuchcolumn");
    }
}
