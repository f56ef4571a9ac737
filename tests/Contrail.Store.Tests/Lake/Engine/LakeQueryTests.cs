using System.Globalization;
using System.Text.Json;
using Contrail.Store.Lake;

namespace Contrail.Store.Tests.Lake.Engine;

/// <summary>
/// CloudTrail Lake sample queries (CloudTrail User Guide's query-lake-examples and aws-samples'
/// cloudtrail-lake-queries), run over the shared samples and compared with answers counted in C#.
/// </summary>
public sealed class LakeQueryTests(LakeEngineFixture fixture) : IClassFixture<LakeEngineFixture>
{
    private static IReadOnlyList<JsonElement> Records => LakeSamples.Distinct;

    private string Id => fixture.StoreId;

    [Fact]
    public async Task Query_ApiCountsBySourceAndName_MatchCountsInCSharp()
    {
        var result = await Run($"""
            SELECT eventSource, eventName, COUNT(*) AS apiCount FROM {Id}
            WHERE eventTime > '2024-01-01 00:00:00' GROUP BY eventSource, eventName ORDER BY apiCount DESC, eventSource, eventName
            """);

        var expected = Records.Where(r => r.Time() > new DateTime(2024, 1, 1))
            .GroupBy(r => (r.Text("eventSource"), r.Text("eventName")))
            .Select(g => new[] { g.Key.Item1, g.Key.Item2, g.Count().ToString(CultureInfo.InvariantCulture) })
            .OrderByDescending(r => int.Parse(r[2]!, CultureInfo.InvariantCulture)).ThenBy(r => r[0], StringComparer.Ordinal).ThenBy(r => r[1], StringComparer.Ordinal);
        result.Columns.ShouldBe(["eventSource", "eventName", "apiCount"]);
        result.Rows.ShouldBe(expected);
        result.Statistics.EventsScanned.ShouldBe(Records.Count);
        result.Statistics.BytesScanned.ShouldBeGreaterThan(0);
        result.Statistics.EventsMatched.ShouldBe(result.Rows.Count);
    }

    [Fact]
    public async Task Query_PrincipalsInATimeWindow_MatchCountsInCSharp()
    {
        var result = await Run($"""
            SELECT userIdentity.principalid, eventName FROM {Id}
            WHERE userIdentity.principalid IS NOT NULL
              AND eventTime > '2024-08-01 00:00:00' AND eventTime < '2024-08-02 00:00:00'
              AND eventName = 'DescribeInstances'
            ORDER BY 1
            """);

        var expected = Records.Where(r => r.Time() > new DateTime(2024, 8, 1) && r.Time() < new DateTime(2024, 8, 2) && r.Text("eventName") == "DescribeInstances")
            .Select(r => r.Path("userIdentity", "principalId")).Where(p => p is not null).Order(StringComparer.Ordinal);
        result.Columns.ShouldBe(["principalid", "eventName"]);
        result.Rows.Select(r => r[0]).ShouldBe(expected);
        result.Rows.ShouldAllBe(r => r[1] == "DescribeInstances");
        result.Rows.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Query_ErrorsByCode_MatchCountsInCSharp()
    {
        var result = await Run($"SELECT errorCode, count(*) FROM {Id} WHERE errorCode IS NOT NULL GROUP BY errorCode ORDER BY count(*) DESC, errorCode");

        result.Columns.ShouldBe(["errorCode", "_col1"]);
        result.Rows.ShouldBe(Records.Where(r => r.Text("errorCode") is not null).GroupBy(r => r.Text("errorCode"))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new[] { g.Key, g.Count().ToString(CultureInfo.InvariantCulture) }));
    }

    [Fact]
    public async Task Query_ElementAtAndMapSubscript_GiveTheValue()
    {
        var result = await Run($"""
            SELECT element_at(requestParameters, 'bucketName') AS bucket, requestParameters['bucketName'] AS same, count(*) AS n
            FROM {Id} WHERE element_at(requestParameters, 'bucketName') IS NOT NULL GROUP BY 1, 2 ORDER BY 1
            """);

        var expected = Records.Select(r => r.Path("requestParameters", "bucketName")).Where(b => b is not null)
            .GroupBy(b => b).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new[] { g.Key, g.Key, g.Count().ToString(CultureInfo.InvariantCulture) });
        result.Rows.ShouldBe(expected);
        result.Rows.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Query_SessionIssuerAndCaseInsensitiveNames_MatchCountsInCSharp()
    {
        var result = await Run($"""
            SELECT USERIDENTITY.SessionContext.sessionissuer.UserName AS role, COUNT(*) AS calls FROM {Id} AS eds
            WHERE eds.userIdentity.sessionContext.sessionIssuer.userName IS NOT NULL GROUP BY 1 ORDER BY calls DESC, role
            """);

        result.Rows.ShouldBe(Records.Select(r => r.Path("userIdentity", "sessionContext", "sessionIssuer", "userName")).Where(n => n is not null)
            .GroupBy(n => n).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new[] { g.Key, g.Count().ToString(CultureInfo.InvariantCulture) }));
    }

    [Fact]
    public async Task Query_TrinoDateAndJsonFunctions_GiveTrinoAnswers()
    {
        var result = await Run($"""
            SELECT date_trunc('day', eventtime) AS day, count(*) AS n, count(DISTINCT eventname) AS names,
                   min(day_of_week(eventtime)) AS dow, min(json_extract_scalar(eventjson, '$.eventID')) AS firstid
            FROM {Id}
            WHERE eventtime >= date_add('day', -1, from_iso8601_timestamp('2024-08-02T00:00:00Z'))
              AND eventtime < from_iso8601_timestamp('2024-08-02T00:00:00Z')
            GROUP BY 1
            """);
        var approximate = await Run($"SELECT approx_distinct(eventname) FROM {Id}");

        var exact = Records.Select(r => r.Text("eventName")).Distinct().Count();
        double.Parse(approximate.Rows.ShouldHaveSingleItem()[0]!, CultureInfo.InvariantCulture).ShouldBe(exact, exact * 0.15, "HyperLogLog, as Trino's approx_distinct");
        var day = Records.Where(r => r.Time() >= new DateTime(2024, 8, 1) && r.Time() < new DateTime(2024, 8, 2)).ToList();
        result.Rows.ShouldHaveSingleItem().ShouldBe([
            "2024-08-01 00:00:00.000",
            day.Count.ToString(CultureInfo.InvariantCulture),
            day.Select(r => r.Text("eventName")).Distinct().Count().ToString(CultureInfo.InvariantCulture),
            "4",
            day.Select(r => r.Text("eventID")).Min(StringComparer.Ordinal),
        ]);
    }

    [Fact]
    public async Task Query_Values_PrintedAsCloudTrailDoes()
    {
        var id = Records.First(r => r.TryGetProperty("resources", out var rs) && rs.GetArrayLength() > 0 && r.Text("eventTime") is not null);
        var result = await Run($"SELECT eventtime, readonly, resources, 1.5 AS d, map(['k'], ['v']) AS m, NULL AS z FROM {Id} WHERE eventid = '{id.Text("eventID")}'");

        var row = result.Rows.ShouldHaveSingleItem();
        row[0].ShouldBe(id.Time()!.Value.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture));
        row[1].ShouldBe(id.TryGetProperty("readOnly", out var ro) ? (ro.GetBoolean() ? "true" : "false") : null);
        var resource = id.GetProperty("resources")[0];
        row[2].ShouldBe($"[{{accountid={resource.Text("accountId") ?? "null"}, type={resource.Text("type") ?? "null"}, arn={resource.Text("ARN") ?? "null"}, arnprefix=null}}]");
        row[3].ShouldBe("1.5");
        row[4].ShouldBe("{k=v}");
        row[5].ShouldBeNull();
    }

    [Fact]
    public async Task Query_JoinOfTwoStoresAndCte_Runs()
    {
        var result = await Run($"""
            WITH names AS (SELECT DISTINCT eventname FROM {Id})
            SELECT edsA.eventName, edsB.eventName FROM {Id} AS edsA LEFT JOIN {fixture.OtherStoreId} AS edsB ON edsA.eventId = edsB.eventId
            WHERE edsA.eventname IN (SELECT eventname FROM names) AND edsA.eventtime <= '2024-12-31'
            """);

        result.Rows.Count.ShouldBe(Records.Count(r => r.Time() is not null));
        result.Rows.ShouldAllBe(r => r[1] == null);
        result.Statistics.EventsScanned.ShouldBe(Records.Count);
    }

    [Fact]
    public async Task Query_UpperCaseStoreId_FindsTheStore()
    {
        var result = await Run($"SELECT count(*) AS n FROM {Id.ToUpperInvariant()}");

        result.Rows.ShouldHaveSingleItem().ShouldBe([Records.Count.ToString(CultureInfo.InvariantCulture)]);
    }

    [Fact]
    public async Task Query_StoreIdInsideAStringLiteral_IsText()
    {
        var result = await Run($"SELECT '{Id}' AS s, count(*) AS n FROM {Id} WHERE eventname = '{Id}'");

        result.Rows.ShouldHaveSingleItem().ShouldBe([Id, "0"]);
    }

    private async Task<LakeQueryResult> Run(string sql)
    {
        var result = await fixture.Engine.QueryAsync(sql);
        result.ErrorMessage.ShouldBeNull();
        result.Outcome.ShouldBe(LakeQueryOutcome.Succeeded);
        return result;
    }
}
