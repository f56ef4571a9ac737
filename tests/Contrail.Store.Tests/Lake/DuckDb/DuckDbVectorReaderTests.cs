using Contrail.Store.Lake.DuckDb;

namespace Contrail.Store.Tests.Lake.DuckDb;

/// <summary>Every type the engine reads, with real queries: values, NULLs, nested types, limits.</summary>
public sealed class DuckDbVectorReaderTests : IDisposable
{
    private readonly DuckDbDatabase _database = DuckDbTesting.Open();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Read_ScalarTypes_ReturnTheirDotNetValues()
    {
        var result = await _database.QueryAsync("""
            SELECT true AS b,
                   (-8)::TINYINT AS ti, (-16)::SMALLINT AS si, (-32)::INTEGER AS i, (-64)::BIGINT AS bi,
                   200::UTINYINT AS uti, 60000::USMALLINT AS usi, 4000000000::UINTEGER AS ui,
                   18446744073709551615::UBIGINT AS ubi,
                   (-170141183460469231731687303715884105727)::HUGEINT AS hi,
                   340282366920938463463374607431768211455::UHUGEINT AS uhi,
                   1.5::FLOAT AS f, 2.25::DOUBLE AS d,
                   'short' AS s, 'héllo wörld, longer than twelve bytes' AS s_long, '' AS s_empty,
                   '\x00\x01\xFF'::BLOB AS blob_short, 'aaaaaaaaaaaaaaaaaaaa'::BLOB AS blob_long,
                   'a8098c1a-f86e-11da-bd1a-00112444be1e'::UUID AS u, '00000000-0000-0000-0000-000000000001'::UUID AS u_low,
                   'ffffffff-ffff-ffff-ffff-ffffffffffff'::UUID AS u_high,
                   'sad'::ENUM('happy', 'sad') AS e,
                   '{"a": [1, 2]}'::JSON AS j
            """);

        result.Error.ShouldBeNull();
        var row = result.Rows.ShouldHaveSingleItem();
        object?[] expected =
        [
            true,
            (sbyte)-8, (short)-16, -32, -64L,
            (byte)200, (ushort)60000, 4000000000u,
            ulong.MaxValue,
            -Int128.MaxValue,
            UInt128.MaxValue,
            1.5f, 2.25d,
            "short", "héllo wörld, longer than twelve bytes", "",
            new byte[] { 0x00, 0x01, 0xFF }, new byte[20].Select(_ => (byte)'a').ToArray(),
            Guid.Parse("a8098c1a-f86e-11da-bd1a-00112444be1e"), Guid.Parse("00000000-0000-0000-0000-000000000001"),
            Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff"),
            "sad",
            """{"a": [1, 2]}""",
        ];
        row.Length.ShouldBe(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            row[i].ShouldBe(expected[i], $"column {result.Columns[i].Name}");
            row[i]!.GetType().ShouldBe(expected[i]!.GetType(), $"column {result.Columns[i].Name}");
        }

        result.Columns.Select(c => c.Type.Id).ShouldBe(
        [
            DuckDbTypeId.Boolean,
            DuckDbTypeId.TinyInt, DuckDbTypeId.SmallInt, DuckDbTypeId.Integer, DuckDbTypeId.BigInt,
            DuckDbTypeId.UTinyInt, DuckDbTypeId.USmallInt, DuckDbTypeId.UInteger, DuckDbTypeId.UBigInt,
            DuckDbTypeId.HugeInt, DuckDbTypeId.UHugeInt, DuckDbTypeId.Float, DuckDbTypeId.Double,
            DuckDbTypeId.Varchar, DuckDbTypeId.Varchar, DuckDbTypeId.Varchar, DuckDbTypeId.Blob, DuckDbTypeId.Blob,
            DuckDbTypeId.Uuid, DuckDbTypeId.Uuid, DuckDbTypeId.Uuid, DuckDbTypeId.Enum, DuckDbTypeId.Varchar,
        ]);
        result.Columns[^1].Type.Alias.ShouldBe("JSON");
    }

    [Fact]
    public async Task Read_Decimals_KeepEveryDigitAndTheScale()
    {
        var row = (await _database.RowsAsync("""
            SELECT 123.456::DECIMAL(4,1), -1234.5678::DECIMAL(9,4), -1234567.891::DECIMAL(18,3),
                   12345678901234567890.12345678::DECIMAL(38,8), 0::DECIMAL(38,10)
            """)).ShouldHaveSingleItem();

        row.ShouldBe([123.5m, -1234.5678m, -1234567.891m, 12345678901234567890.12345678m, 0.0000000000m]);
        ((decimal)row[4]!).Scale.ShouldBe((byte)10);
    }

    [Fact]
    public async Task Read_TimesAndDates_AreUtcAndKeepMicroseconds()
    {
        var result = await _database.QueryAsync("""
            SELECT DATE '2026-11-21' AS dt, DATE '1969-12-31' AS before_epoch,
                   TIME '12:34:56.789012' AS tm,
                   TIMESTAMP '2026-11-21 12:34:56.789012' AS ts,
                   TIMESTAMP '1969-12-31 23:59:59.999999' AS ts_before_epoch,
                   TIMESTAMP_S '2026-11-21 12:34:56' AS ts_s,
                   TIMESTAMP_MS '2026-11-21 12:34:56.789' AS ts_ms,
                   TIMESTAMP_NS '2026-11-21 12:34:56.789012345' AS ts_ns,
                   TIMESTAMPTZ '2026-11-21 14:34:56.789012+02' AS ts_tz,
                   INTERVAL '1 month 2 days 3.000004 seconds' AS iv
            """);

        result.Error.ShouldBeNull();
        var row = result.Rows.ShouldHaveSingleItem();
        var micros = new DateTime(2026, 11, 21, 12, 34, 56, 789, 12, DateTimeKind.Utc);
        row[0].ShouldBe(new DateOnly(2026, 11, 21));
        row[1].ShouldBe(new DateOnly(1969, 12, 31));
        row[2].ShouldBe(new TimeOnly(12, 34, 56, 789, 12));
        row[3].ShouldBe(micros);
        ((DateTime)row[3]!).Kind.ShouldBe(DateTimeKind.Utc);
        row[4].ShouldBe(new DateTime(1969, 12, 31, 23, 59, 59, 999, 999, DateTimeKind.Utc));
        row[5].ShouldBe(new DateTime(2026, 11, 21, 12, 34, 56, DateTimeKind.Utc));
        row[6].ShouldBe(new DateTime(2026, 11, 21, 12, 34, 56, 789, DateTimeKind.Utc));
        row[7].ShouldBe(micros.AddTicks(3)); // 345 ns: three 100 ns ticks, the rest truncated
        row[8].ShouldBe(new DateTimeOffset(micros, TimeSpan.Zero));
        ((DateTimeOffset)row[8]!).Offset.ShouldBe(TimeSpan.Zero);
        row[9].ShouldBe(new DuckDbInterval(1, 2, 3_000_004));
    }

    [Fact]
    public async Task Read_NestedTypes_BecomeArraysStructsAndMaps()
    {
        var result = await _database.QueryAsync("""
            SELECT [1, NULL, 3] AS l, [[1], [], NULL] AS ll, ['a', 'b']::VARCHAR[2] AS arr,
                   {'name': 'alice', 'age': 30, 'tags': ['x', 'y'], 'none': NULL::VARCHAR} AS st,
                   MAP {'k1': 1, 'k2': NULL} AS m,
                   MAP {1: [{'deep': 'v'}]} AS m_nested,
                   [{'a': 1}, NULL] AS list_of_structs,
                   row(1, 'x') AS unnamed,
                   []::INTEGER[] AS empty
            """);

        result.Error.ShouldBeNull();
        var row = result.Rows.ShouldHaveSingleItem();
        row[0].ShouldBe(new object?[] { 1, null, 3 });
        var ll = row[1].ShouldBeOfType<object?[]>();
        ll.Length.ShouldBe(3);
        ll[0].ShouldBe(new object?[] { 1 });
        ll[1].ShouldBe(Array.Empty<object?>());
        ll[2].ShouldBeNull();
        row[2].ShouldBe(new object?[] { "a", "b" });

        var st = row[3].ShouldBeOfType<DuckDbStruct>();
        st.Names.ShouldBe(["name", "age", "tags", "none"]);
        st["NAME"].ShouldBe("alice");
        st["age"].ShouldBe(30);
        st["tags"].ShouldBe(new object?[] { "x", "y" });
        st["none"].ShouldBeNull();
        Should.Throw<KeyNotFoundException>(() => st["missing"]);

        var m = row[4].ShouldBeOfType<KeyValuePair<object, object?>[]>();
        m.ShouldBe([new KeyValuePair<object, object?>("k1", 1), new KeyValuePair<object, object?>("k2", null)]);
        var nested = row[5].ShouldBeOfType<KeyValuePair<object, object?>[]>().ShouldHaveSingleItem();
        nested.Key.ShouldBe(1);
        nested.Value.ShouldBeOfType<object?[]>().ShouldHaveSingleItem().ShouldBeOfType<DuckDbStruct>()["deep"].ShouldBe("v");

        var structs = row[6].ShouldBeOfType<object?[]>();
        structs[0].ShouldBeOfType<DuckDbStruct>()["a"].ShouldBe(1);
        structs[1].ShouldBeNull();

        var unnamed = row[7].ShouldBeOfType<DuckDbStruct>();
        unnamed.Values.ShouldBe([1, "x"]);
        row[8].ShouldBe(Array.Empty<object?>());
    }

    [Theory]
    [InlineData("true")]
    [InlineData("1::TINYINT")]
    [InlineData("1::UBIGINT")]
    [InlineData("1::HUGEINT")]
    [InlineData("1.5::FLOAT")]
    [InlineData("'x'")]
    [InlineData("'x'::BLOB")]
    [InlineData("1.5::DECIMAL(18,3)")]
    [InlineData("gen_random_uuid()")]
    [InlineData("DATE '2026-01-01'")]
    [InlineData("TIME '01:02:03'")]
    [InlineData("TIMESTAMP '2026-01-01'")]
    [InlineData("TIMESTAMP_S '2026-01-01'")]
    [InlineData("TIMESTAMP_MS '2026-01-01'")]
    [InlineData("TIMESTAMP_NS '2026-01-01'")]
    [InlineData("TIMESTAMPTZ '2026-01-01'")]
    [InlineData("INTERVAL 1 DAY")]
    [InlineData("'a'::ENUM('a', 'it''s')")]
    [InlineData("'{}'::JSON")]
    [InlineData("[1, 2]")]
    [InlineData("[[1]]")]
    [InlineData("[1, 2]::INTEGER[2]")]
    [InlineData("{'a': 1, 'b': ['x']}")]
    [InlineData("{'my field': 1, 'Upper': 2, 'x_1': 3}")]
    [InlineData("row(1, 'x')")]
    [InlineData("MAP {'k': [1.5::DOUBLE]}")]
    public async Task Name_OfEachType_IsWhatTypeofSays(string expression)
    {
        var result = await _database.QueryAsync($"SELECT x, typeof(x) AS t FROM (SELECT {expression} AS x)");

        result.Error.ShouldBeNull();
        result.Columns[0].Type.IsSupported.ShouldBeTrue();
        result.Columns[0].Type.Name.ShouldBe((string)result.Rows.ShouldHaveSingleItem()[1]!);
    }

    [Fact]
    public async Task Read_NullOfEveryType_IsNull()
    {
        var result = await _database.QueryAsync("""
            SELECT NULL AS untyped, NULL::BOOLEAN, NULL::TINYINT, NULL::BIGINT, NULL::UBIGINT, NULL::HUGEINT, NULL::DOUBLE,
                   NULL::DECIMAL(38,2), NULL::VARCHAR, NULL::BLOB, NULL::UUID, NULL::DATE, NULL::TIME, NULL::TIMESTAMP,
                   NULL::TIMESTAMPTZ, NULL::INTERVAL, NULL::ENUM('a'), NULL::JSON, NULL::INTEGER[], NULL::INTEGER[2],
                   NULL::STRUCT(a INTEGER), NULL::MAP(VARCHAR, INTEGER)
            """);

        result.Error.ShouldBeNull();
        result.Rows.ShouldHaveSingleItem().ShouldAllBe(v => v == null);
    }

    [Fact]
    public async Task Read_NullsAcrossValidityWordsAndChunks_LandOnTheRightRows()
    {
        // 5000 rows: three chunks of up to 2048 rows, each validity mask many 64-bit words long.
        var rows = await _database.RowsAsync("""
            SELECT range, CASE WHEN range % 3 = 0 THEN NULL ELSE 'v' || range END,
                   CASE WHEN range % 7 = 0 THEN NULL ELSE [range, NULL] END,
                   CASE WHEN range % 5 = 0 THEN NULL ELSE {'n': CASE WHEN range % 2 = 0 THEN NULL ELSE range END} END
            FROM range(5000) ORDER BY range
            """);

        rows.Count.ShouldBe(5000);
        foreach (var row in rows)
        {
            var n = (long)row[0]!;
            row[1].ShouldBe(n % 3 == 0 ? null : "v" + n);
            row[2].ShouldBe(n % 7 == 0 ? null : new object?[] { n, null });
            if (n % 5 == 0)
            {
                row[3].ShouldBeNull();
            }
            else
            {
                ((DuckDbStruct)row[3]!)["n"].ShouldBe(n % 2 == 0 ? null : n);
            }
        }
    }

    [Theory]
    [InlineData("'101'::BIT", "BIT")]
    [InlineData("union_value(k := 1)", "UNION")]
    [InlineData("TIMETZ '12:00:00+01'", "TIME WITH TIME ZONE")]
    [InlineData("['101'::BIT]", "BIT[]")]
    [InlineData("{'a': '101'::BIT}", "STRUCT(a BIT)")]
    public async Task Execute_ColumnOfUnsupportedType_IsRefusedBeforeRunning(string expression, string typeName)
    {
        var error = await _database.ErrorAsync($"SELECT {expression} AS x");

        error.Failure.ShouldBe(DuckDbFailure.UnsupportedType);
        error.Message.ShouldBe($"Column \"x\" has type {typeName}, which Contrail does not read; CAST it to VARCHAR.");
        (await _database.ScalarAsync($"SELECT CAST({expression} AS VARCHAR)")).ShouldBeOfType<string>();
    }

    [Theory]
    [InlineData("'infinity'::TIMESTAMP", "TIMESTAMP")]
    [InlineData("'-infinity'::DATE", "DATE")]
    [InlineData("TIMESTAMP '10000-01-01'", "TIMESTAMP")]
    [InlineData("TIME '24:00:00'", "TIME")]
    [InlineData("(10::HUGEINT ^ 30)::DECIMAL(38,0)", "DECIMAL(38,0)")]
    public async Task Execute_ValueWithoutDotNetCounterpart_IsValueOutOfRange(string expression, string typeName)
    {
        var error = await _database.ErrorAsync($"SELECT {expression}");

        error.Failure.ShouldBe(DuckDbFailure.ValueOutOfRange);
        error.Message.ShouldStartWith("The result holds a value with no .NET counterpart: a " + typeName);
    }

    [Theory]
    [InlineData(10, 10, false)]
    [InlineData(10, 11, true)]
    [InlineData(2048, 2048, false)]
    [InlineData(2048, 2049, true)]
    [InlineData(3000, 5000, true)]
    public async Task Execute_MoreRowsThanMaxRows_ReturnsMaxRowsAndSaysTruncated(int maxRows, int rows, bool truncated)
    {
        using var database = DuckDbTesting.Open(o => o.MaxRows = maxRows);

        var result = await database.QueryAsync($"SELECT range FROM range({rows}) ORDER BY range");

        result.Rows.Count.ShouldBe(Math.Min(maxRows, rows));
        result.Rows.Select(r => (long)r[0]!).ShouldBe(Enumerable.Range(0, Math.Min(maxRows, rows)).Select(i => (long)i));
        result.Truncated.ShouldBe(truncated);
    }

    [Fact]
    public async Task Execute_ColumnNames_AreAliasesOrTheExpressionText()
    {
        var result = await _database.QueryAsync("SELECT 1 AS \"eventName\", 1 + 1, lower('A')");

        result.Columns.Select(c => c.Name).ShouldBe(["eventName", "(1 + 1)", "lower('A')"]);
    }
}
