using Contrail.Store.Lake.DuckDb;

namespace Contrail.Store.Tests.Lake.DuckDb;

/// <summary>
/// The Lake's files: written as Parquet by the trusted setup (or another process) into an allowed
/// directory, read back by users' queries through views or <c>read_parquet</c>.
/// </summary>
public sealed class DuckDbParquetTests : IDisposable
{
    private const string Events = """
        SELECT * FROM (VALUES
            (TIMESTAMP '2026-11-21 10:00:00.123456', 'e-1', 'CreateTrail', true, 1::TINYINT, 7::BIGINT, 1.5::DOUBLE,
             {'type': 'IAMUser', 'userName': 'alice', 'sessionContext': {'mfa': true}}, MAP {'bucketName': 'logs'},
             ['arn:aws:s3:::logs'], DATE '2026-11-21', 12.50::DECIMAL(10,2), 'a8098c1a-f86e-11da-bd1a-00112444be1e'::UUID),
            (TIMESTAMP '2026-11-21 10:00:01', 'e-2', 'GetObject', NULL, NULL, NULL, NULL,
             {'type': 'AssumedRole', 'userName': NULL, 'sessionContext': NULL}, MAP {}, [], NULL, NULL, NULL)
        ) AS t(eventtime, eventid, eventname, readonly, tiny, big, dbl, useridentity, requestparameters, resources, day, cost, uid)
        """;

    private readonly TempDirectory _root = new();
    private readonly string _lake;

    public DuckDbParquetTests()
    {
        _lake = _root.Combine("lake");
        Directory.CreateDirectory(_lake);
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Setup_CopyToParquetThenView_ReadsBackEveryValue()
    {
        using var database = DuckDbTesting.Open(o =>
        {
            o.AllowedDirectories.Add(_lake);
            o.Setup.Add($"COPY ({Events}) TO '{_lake}/events.parquet' (FORMAT parquet)");
            o.Setup.Add($"CREATE VIEW events AS SELECT * FROM read_parquet('{_lake}/*.parquet')");
            o.Setup.Add($"CREATE TABLE expected AS {Events}");
        });

        var fromView = await database.QueryAsync("SELECT * FROM events ORDER BY eventid");
        var fromFile = await database.QueryAsync($"SELECT * FROM read_parquet('{_lake}/events.parquet') ORDER BY eventid");
        var expected = await database.QueryAsync("SELECT * FROM expected ORDER BY eventid");

        fromView.Error.ShouldBeNull();
        fromFile.Error.ShouldBeNull();
        fromView.Columns.Select(c => c.Type.Name).ShouldBe(expected.Columns.Select(c => c.Type.Name));
        fromView.Rows.Count.ShouldBe(2);
        for (var r = 0; r < 2; r++)
        {
            Normalize(fromView.Rows[r]).ShouldBe(Normalize(expected.Rows[r]));
            Normalize(fromFile.Rows[r]).ShouldBe(Normalize(expected.Rows[r]));
        }

        var first = fromView.Rows[0];
        first[0].ShouldBe(new DateTime(2026, 11, 21, 10, 0, 0, 123, 456, DateTimeKind.Utc));
        ((DuckDbStruct)((DuckDbStruct)first[7]!)["sessionContext"]!)["mfa"].ShouldBe(true);
        first[8].ShouldBe(new[] { new KeyValuePair<object, object?>("bucketName", "logs") });
        first[11].ShouldBe(12.50m);
        (await database.ScalarAsync("SELECT count(*) FROM events WHERE useridentity.username = 'alice'")).ShouldBe(1L);
    }

    [Fact]
    public async Task Open_ParquetWrittenBeforehand_IsReadThroughTheAllowedDirectory()
    {
        // The Lake's writer is another DuckDB instance (or another process), with its own access.
        using (var writer = DuckDbTesting.Open(o => o.AllowedDirectories.Add(_lake)))
        using (var connection = writer.Connect())
        {
            connection.ExecuteTrusted($"COPY (SELECT range AS id, 'v' || range AS v FROM range(3000)) TO '{_lake}/part-0.parquet' (FORMAT parquet)");
            connection.ExecuteTrusted($"COPY (SELECT range + 3000 AS id, 'v' || range AS v FROM range(10)) TO '{_lake}/part-1.parquet' (FORMAT parquet)");
        }

        using var database = DuckDbTesting.Open(o =>
        {
            o.AllowedDirectories.Add(_lake);
            o.Setup.Add($"CREATE VIEW store AS SELECT * FROM read_parquet('{_lake}/part-*.parquet')");
        });

        (await database.RowsAsync("SELECT count(*), min(id), max(id) FROM store")).ShouldHaveSingleItem().ShouldBe([3010L, 0L, 3009L]);
    }

    [Fact]
    public void Open_ViewOverAFileOutsideTheAllowedDirectories_FailsAtSetup()
    {
        var outside = _root.Combine("outside");
        Directory.CreateDirectory(outside);
        using (var writer = DuckDbTesting.Open(o => o.AllowedDirectories.Add(outside)))
        using (var connection = writer.Connect())
        {
            connection.ExecuteTrusted($"COPY (SELECT 1 AS x) TO '{outside}/x.parquet' (FORMAT parquet)");
        }

        var error = Should.Throw<DuckDbException>(() => DuckDbTesting.Open(o =>
        {
            o.AllowedDirectories.Add(_lake);
            o.Setup.Add($"CREATE VIEW v AS SELECT * FROM read_parquet('{outside}/x.parquet')");
        }));

        error.ErrorType.ShouldBe(DuckDbErrorType.Permission);
        error.Message.ShouldStartWith($"Permission Error: Cannot access file \"{outside}/x.parquet\" - file system operations are disabled by configuration");
    }

    // Byte arrays and nested values compare by content; the rest as they are.
    private static string Normalize(object?[] row) => string.Join(" | ", row.Select(Describe));

    private static string Describe(object? value) => value switch
    {
        null => "NULL",
        byte[] bytes => Convert.ToHexString(bytes),
        object?[] list => "[" + string.Join(", ", list.Select(Describe)) + "]",
        DuckDbStruct s => "{" + string.Join(", ", s.Names.Zip(s.Values, (n, v) => n + ": " + Describe(v))) + "}",
        KeyValuePair<object, object?>[] map => "MAP{" + string.Join(", ", map.Select(e => Describe(e.Key) + "=" + Describe(e.Value))) + "}",
        IFormattable f => f.GetType().Name + ":" + f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.GetType().Name + ":" + value,
    };
}
