using System.Text;
using System.Text.Json;
using Contrail.Api.Tests.EventDataStores;
using Contrail.Api.Tests.Support;
using Contrail.Tests.Support;

namespace Contrail.Api.Tests.Lake;

/// <summary>
/// CloudTrail Lake queries end to end with the real AWS CLI: an event data store is created, the real
/// CloudTrail samples go in through <c>/records</c>, and start-query / describe-query /
/// get-query-results answer what a count made here over the same samples says.
/// </summary>
public sealed class LakeQueryAwsCliTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private LakeCli _cli = null!;
    private string _storeId = "";
    private Dictionary<string, int> _expected = [];

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _cli = new LakeCli(_server);
        var created = await _cli.Ok("create-event-data-store", "--name", "lake-queries", "--no-termination-protection-enabled");
        _storeId = created.GetProperty("EventDataStoreArn").GetString()!.Split('/')[^1];

        var samples = SampleRecords.Files().SelectMany(SampleRecords.Read).ToList();
        var body = Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(",", samples.Select(r => Encoding.UTF8.GetString(SampleRecords.Compact(r)))) + "]}");
        var response = await _server.Client.PutRecordsAsync(body, gzip: false);
        response.IsSuccess.ShouldBeTrue(response.Body);
        var accepted = JsonDocument.Parse(response.Body).RootElement.GetProperty("successful").EnumerateArray()
            .Select(s => samples[s.GetProperty("index").GetInt32()]).ToList();

        // The store's default selectors take management events: records whose eventCategory is Management (or absent).
        // The service's own calls (cloudtrail.amazonaws.com) are left out of the comparison: the test's own calls add to them.
        _expected = accepted
            .Where(r => (r.TryGetProperty("eventCategory", out var c) ? c.GetString() : "Management") == "Management")
            .Select(r => r.GetProperty("eventSource").GetString()!)
            .Where(s => s != "cloudtrail.amazonaws.com")
            .GroupBy(s => s, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        _expected.Count.ShouldBeGreaterThan(3);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(string Status, JsonElement Results)> RunAsync(string sql)
    {
        var queryId = (await _cli.Ok("start-query", "--query-statement", sql)).GetProperty("QueryId").GetString()!;
        var described = await Eventually.WaitAsync(() => _cli.Ok("describe-query", "--query-id", queryId),
            d => d.GetProperty("QueryStatus").GetString() is not ("QUEUED" or "RUNNING"), TimeSpan.FromSeconds(60), "the query to end");
        described.GetProperty("QueryString").GetString().ShouldBe(sql);
        var results = await _cli.Ok("get-query-results", "--query-id", queryId);
        return (described.GetProperty("QueryStatus").GetString()!, results);
    }

    private static List<Dictionary<string, string?>> Rows(JsonElement results) =>
        [.. results.GetProperty("QueryResultRows").EnumerateArray().Select(row => row.EnumerateArray()
            .Select(cell => cell.EnumerateObject().Single())
            .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetString()))];

    [Fact]
    public async Task GroupByEventSource_OverTheSamples_AnswersTheIndependentCount()
    {
        var sql = $"SELECT eventSource, count(*) AS apiCount FROM {_storeId} WHERE eventSource <> 'cloudtrail.amazonaws.com' GROUP BY eventSource ORDER BY apiCount DESC, eventSource";

        // Ingestion runs behind the journal: wait until the store holds every sample.
        var (status, results) = await Eventually.WaitAsync(() => RunAsync(sql),
            r => Rows(r.Results).Sum(row => int.Parse(row["apiCount"]!, System.Globalization.CultureInfo.InvariantCulture)) >= _expected.Values.Sum(),
            TimeSpan.FromSeconds(120), "every sample in the event data store");

        status.ShouldBe("FINISHED");
        var rows = Rows(results);
        // In the query's order: count descending, then source.
        rows.Select(r => (r["eventSource"]!, int.Parse(r["apiCount"]!, System.Globalization.CultureInfo.InvariantCulture)))
            .ShouldBe(_expected.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)));
        rows.Select(r => r.Keys.ToArray()).ShouldAllBe(k => k.SequenceEqual(new[] { "eventSource", "apiCount" }));
        results.GetProperty("QueryStatistics").GetProperty("TotalResultsCount").GetInt32().ShouldBe(_expected.Count);
    }

    [Fact]
    public async Task StructAndTimeAccess_AndPaging_Work()
    {
        var total = _expected.Values.Sum();
        await Eventually.WaitAsync(() => RunAsync($"SELECT count(*) AS n FROM {_storeId} WHERE eventSource <> 'cloudtrail.amazonaws.com'"),
            r => Rows(r.Results).Single()["n"] == total.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(120), "every sample in the store");

        var (status, results) = await RunAsync(
            $"SELECT eventID, userIdentity.type AS who, eventTime FROM {_storeId} WHERE eventTime > '2000-01-01 00:00:00' AND eventSource <> 'cloudtrail.amazonaws.com' ORDER BY eventID");

        status.ShouldBe("FINISHED");
        var rows = Rows(results);
        rows.Count.ShouldBe(total); // the CLI followed NextToken across pages of up to 1000
        rows.Select(r => r["eventID"]).Distinct().Count().ShouldBe(total);
        rows.ShouldAllBe(r => r["eventTime"]!.Length >= 19);
    }

    [Fact]
    public async Task Errors_AreCloudTrailShaped()
    {
        await _cli.Fails("EventDataStoreNotFoundException", "start-query", "--query-statement", "SELECT * FROM 00000000-0000-4000-8000-000000000000");
        await _cli.Fails("InvalidQueryStatementException", "start-query", "--query-statement", "SELECT 1");
        await _cli.Fails("QueryIdNotFoundException", "describe-query", "--query-id", "11111111-2222-4333-8444-555555555555");

        var (status, _) = await RunAsync($"SELECT * FROM read_csv('/etc/passwd'), {_storeId}");
        status.ShouldBe("FAILED");

        var queryId = (await _cli.Ok("start-query", "--query-statement", $"SELECT count(*) FROM {_storeId}")).GetProperty("QueryId").GetString()!;
        await Eventually.WaitAsync(() => _cli.Ok("describe-query", "--query-id", queryId),
            d => d.GetProperty("QueryStatus").GetString() == "FINISHED", TimeSpan.FromSeconds(60), "the count to finish");
        await _cli.Fails("InactiveQueryException", "cancel-query", "--query-id", queryId);

        var listed = await _cli.Ok("list-queries", "--event-data-store", _storeId, "--query-status", "FINISHED");
        listed.GetProperty("Queries").EnumerateArray().Select(q => q.GetProperty("QueryId").GetString()).ShouldContain(queryId);
        await _cli.Fails("InvalidQueryStatusException", "list-queries", "--event-data-store", _storeId, "--query-status", "DONE");
    }
}
