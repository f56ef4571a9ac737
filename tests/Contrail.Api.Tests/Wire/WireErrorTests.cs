using System.Net;
using System.Text;
using System.Text.Json;
using Contrail.Api.Tests.Support;
using Contrail.Tests.Support;

namespace Contrail.Api.Tests.Wire;

/// <summary>Bad input on the wire gets a CloudTrail-shaped error and changes nothing already accepted.</summary>
public sealed class WireErrorTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Health_Unauthenticated_Answers200AndRevealsNothing()
    {
        using var response = await _http.GetAsync(new Uri(_server.Endpoint, "/health"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Trim().ShouldBe("ok");
    }

    [Fact]
    public async Task Call_WithoutAuthentication_MissingAuthenticationTokenException_AndNothingStored()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.Endpoint, "/PutAuditEvents?channelArn=" + Uri.EscapeDataString(_server.DefaultChannelArn)))
        {
            Content = new StringContent("""{"auditEvents":[{"id":"x","eventData":"{}"}]}""", Encoding.UTF8, "application/json"),
        };

        using var response = await _http.SendAsync(request);

        ((int)response.StatusCode).ShouldBeInRange(400, 403);
        response.Headers.GetValues("X-Amzn-ErrorType").First().ShouldStartWith("MissingAuthenticationToken");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("message").GetString().ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("{not json", "SerializationException")]
    [InlineData("[1,2,3]", "SerializationException")]
    [InlineData("""{"MaxResults":"ten"}""", "SerializationException")]
    [InlineData("""{"LookupAttributes":{"AttributeKey":"EventName"}}""", "SerializationException")]
    [InlineData("""{"StartTime":"last tuesday"}""", "SerializationException")]
    [InlineData("""{"LookupAttributes":[{"AttributeValue":"x"}]}""", "InvalidLookupAttributesException")]
    [InlineData("""{"MaxResults":0}""", "InvalidMaxResultsException")]
    public async Task LookupEvents_BadBody_AnswersItsError(string body, string code)
    {
        var response = await _server.Client.CallAsync("LookupEvents", body);

        response.Status.ShouldBe(400);
        response.ErrorCode.ShouldBe(code);
        JsonDocument.Parse(response.Body).RootElement.GetProperty("message").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task UnknownOperation_UnknownOperationException()
    {
        var response = await _server.Client.CallAsync("FlyToTheMoon", "{}");

        response.Status.ShouldBe(400);
        response.ErrorCode.ShouldBe("UnknownOperationException");
    }

    [Fact]
    public async Task PutAuditEvents_OverOneMegabyte_RefusedAndEarlierEventsKept()
    {
        var kept = await _server.Client.PutAuditEventsAsync(_server.DefaultChannelArn, [new("k1", EventData("Kept"))]);
        kept.IsSuccess.ShouldBeTrue(kept.Body);
        var keptId = JsonDocument.Parse(kept.Body).RootElement.GetProperty("successful")[0].GetProperty("eventID").GetString()!;
        var huge = Enumerable.Range(0, 5).Select(i => new Contrail.Client.AuditEventEntry($"h{i}", new string('x', 250_000))).ToList();

        var refused = await _server.Client.PutAuditEventsAsync(_server.DefaultChannelArn, huge);

        refused.Status.ShouldBeGreaterThanOrEqualTo(400);
        refused.ErrorCode.ShouldNotBeNull();
        var found = await LookupByIdAsync(keptId);
        found.ShouldBe(1);
    }

    [Fact]
    public async Task IngestRecords_RealCloudTrailLogFile_EveryRecordAcceptedWithItsOwnId()
    {
        var file = await File.ReadAllBytesAsync(SharedData.Path("cloudtrail-samples", "trailscraper", "111111111111_CloudTrail_eu-central-1_20171211T1505Z_A6kvhMoVeCsc7v8U.json.gz"));

        var response = await _server.Client.PutRecordsAsync(file, gzip: true);

        response.IsSuccess.ShouldBeTrue(response.Body);
        var body = JsonDocument.Parse(response.Body).RootElement;
        body.GetProperty("failed").GetArrayLength().ShouldBe(0);
        body.GetProperty("successful").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task IngestRecords_RecentRecords_LookedUpWithTheirFieldsIntact()
    {
        var samples = Directory.GetFiles(SharedData.Path("cloudtrail-samples", "stratus-red-team", "detonation-logs"), "*.json")
            .SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.EnumerateArray().Select(e => e.Clone()))
            .Where(e => e.GetProperty("eventCategory").GetString() == "Management")
            .Take(40)
            .ToList();
        var recent = DateTimeOffset.UtcNow.AddHours(-2);
        var records = samples.Select((e, i) =>
        {
            var map = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(e.GetRawText())!;
            map["eventTime"] = JsonSerializer.SerializeToElement(recent.AddSeconds(i).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"));
            return map;
        }).ToList();
        var body = JsonSerializer.SerializeToUtf8Bytes(new { Records = records });

        var response = await _server.Client.PutRecordsAsync(body, gzip: false);

        response.IsSuccess.ShouldBeTrue(response.Body);
        JsonDocument.Parse(response.Body).RootElement.GetProperty("successful").GetArrayLength().ShouldBe(records.Count);
        foreach (var record in records.Take(10))
        {
            var id = record["eventID"].GetString()!;
            var lookup = await Eventually.WaitAsync(
                () => _server.Client.CallAsync("LookupEvents", $$"""{"LookupAttributes":[{"AttributeKey":"EventId","AttributeValue":"{{id}}"}]}"""),
                r => r.IsSuccess && JsonDocument.Parse(r.Body).RootElement.GetProperty("Events").GetArrayLength() == 1,
                what: $"event {id}");
            var found = JsonDocument.Parse(lookup.Body).RootElement.GetProperty("Events")[0];
            found.GetProperty("EventName").GetString().ShouldBe(record["eventName"].GetString());
            var stored = JsonDocument.Parse(found.GetProperty("CloudTrailEvent").GetString()!).RootElement;
            foreach (var (name, value) in record)
            {
                JsonElement.DeepEquals(stored.GetProperty(name), value).ShouldBeTrue($"field {name} of {id}: stored {stored.GetProperty(name).GetRawText()}, sent {value.GetRawText()}");
            }
        }
    }

    [Fact]
    public async Task IngestRecords_SameForeignIdTwice_StoredOnce()
    {
        var record = $$"""{"Records":[{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","userName":"dup"},"eventTime":"{{DateTimeOffset.UtcNow.AddMinutes(-5).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}}","eventSource":"dup.amazonaws.com","eventName":"Dup","eventID":"d0d0d0d0-1111-4222-8333-444455556666"}]}""";

        (await _server.Client.PutRecordsAsync(Encoding.UTF8.GetBytes(record), gzip: false)).IsSuccess.ShouldBeTrue();
        (await _server.Client.PutRecordsAsync(Encoding.UTF8.GetBytes(record), gzip: false)).IsSuccess.ShouldBeTrue();
        var marker = await _server.Client.PutAuditEventsAsync(_server.DefaultChannelArn, [new("m", EventData("Marker"))]);
        var markerId = JsonDocument.Parse(marker.Body).RootElement.GetProperty("successful")[0].GetProperty("eventID").GetString()!;
        (await LookupByIdAsync(markerId)).ShouldBe(1);

        (await LookupByIdAsync("d0d0d0d0-1111-4222-8333-444455556666")).ShouldBe(1);
    }

    [Fact]
    public async Task IngestRecords_MixedBatch_BadRecordsFailedByIndex_GoodOnesKept()
    {
        var now = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        var body = $$"""{"Records":[{"userIdentity":{"type":"Root"},"eventTime":"{{now}}","eventSource":"a.amazonaws.com","eventName":"Ok"},{"eventTime":"{{now}}"},{"userIdentity":{},"eventTime":"{{now}}","eventSource":"a","eventName":"b","readOnly":"yes"}]}""";

        var response = await _server.Client.PutRecordsAsync(Encoding.UTF8.GetBytes(body), gzip: false);

        response.IsSuccess.ShouldBeTrue(response.Body);
        var result = JsonDocument.Parse(response.Body).RootElement;
        result.GetProperty("successful").EnumerateArray().Select(s => s.GetProperty("index").GetInt32()).ShouldBe([0]);
        var failed = result.GetProperty("failed").EnumerateArray().ToDictionary(f => f.GetProperty("index").GetInt32(), f => f.GetProperty("errorCode").GetString());
        failed[1].ShouldBe("FieldNotFound");
        failed[2].ShouldBe("InvalidField");
    }

    [Fact]
    public async Task IngestRecords_NotGzipButSaysSo_SerializationException()
    {
        var response = await _server.Client.PutRecordsAsync("{\"Records\":[]}"u8.ToArray(), gzip: true);

        response.Status.ShouldBe(400);
        response.ErrorCode.ShouldBe("SerializationException");
    }

    private async Task<int> LookupByIdAsync(string id)
    {
        var response = await Eventually.WaitAsync(
            () => _server.Client.CallAsync("LookupEvents", $$"""{"LookupAttributes":[{"AttributeKey":"EventId","AttributeValue":"{{id}}"}]}"""),
            r => r.IsSuccess && JsonDocument.Parse(r.Body).RootElement.GetProperty("Events").GetArrayLength() > 0,
            what: $"event {id}");
        return JsonDocument.Parse(response.Body).RootElement.GetProperty("Events").GetArrayLength();
    }

    private static string EventData(string name, string principal = "tester") => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["version"] = "1.0",
        ["userIdentity"] = new Dictionary<string, string> { ["type"] = "User", ["principalId"] = principal },
        ["eventSource"] = "wire.example.com",
        ["eventName"] = name,
        ["eventTime"] = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
        ["UID"] = Guid.NewGuid().ToString(),
        ["recipientAccountId"] = TestServer.AccountId,
    });
}
