using System.Text.Json;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.Compat;

/// <summary>The real AWS CLI (v1, from the machine image) against the server on loopback.</summary>
public sealed class AwsCliTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<ProcessResult> Aws(params string[] args) =>
        Processes.AwsAsync(_server.ClientEnvironment(), [.. args, "--endpoint-url", _server.Endpoint.ToString().TrimEnd('/'), "--output", "json"]);

    private static string EventData(string name, string principal, DateTimeOffset time) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["version"] = "1.0",
            ["userIdentity"] = new Dictionary<string, string> { ["type"] = "User", ["principalId"] = principal },
            ["eventSource"] = "cli-test.example.com",
            ["eventName"] = name,
            ["eventTime"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["UID"] = Guid.NewGuid().ToString(),
            ["recipientAccountId"] = TestServer.AccountId,
        });

    [Fact]
    public async Task PutAuditEvents_ThenLookupEvents_TheEventIsFoundByIdWithItsFields()
    {
        var auditEvents = JsonSerializer.Serialize(new[] { new { id = "orig-1", eventData = EventData("Login", "alice", DateTimeOffset.UtcNow) } });

        var put = await Aws("cloudtrail-data", "put-audit-events", "--channel-arn", _server.DefaultChannelArn, "--audit-events", auditEvents);

        put.ExitCode.ShouldBe(0, put.Stderr);
        var putJson = JsonDocument.Parse(put.Stdout).RootElement;
        putJson.GetProperty("failed").GetArrayLength().ShouldBe(0);
        var successful = putJson.GetProperty("successful")[0];
        successful.GetProperty("id").GetString().ShouldBe("orig-1");
        var eventId = successful.GetProperty("eventID").GetString()!;

        var lookup = await Eventually.WaitAsync(
            () => Aws("cloudtrail", "lookup-events", "--lookup-attributes", $"AttributeKey=EventId,AttributeValue={eventId}"),
            r => r.ExitCode == 0 && JsonDocument.Parse(r.Stdout).RootElement.GetProperty("Events").GetArrayLength() == 1,
            what: "the put event is visible to lookup-events");

        var found = JsonDocument.Parse(lookup.Stdout).RootElement.GetProperty("Events")[0];
        found.GetProperty("EventId").GetString().ShouldBe(eventId);
        found.GetProperty("EventName").GetString().ShouldBe("Login");
        found.GetProperty("EventSource").GetString().ShouldBe("cli-test.example.com");
        found.GetProperty("Username").GetString().ShouldBe("alice");
        var record = JsonDocument.Parse(found.GetProperty("CloudTrailEvent").GetString()!).RootElement;
        record.GetProperty("eventCategory").GetString().ShouldBe("ActivityAuditLog");
        record.GetProperty("metadata").GetProperty("channelARN").GetString().ShouldBe(_server.DefaultChannelArn);
    }

    [Fact]
    public async Task LookupEvents_AutoPagination_ReturnsEveryEventOnceNewestFirst()
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        for (var batch = 0; batch < 2; batch++)
        {
            var entries = Enumerable.Range(0, 60).Select(i => new Contrail.Client.AuditEventEntry(
                $"e{batch}-{i}",
                EventData("Paged", $"user{i % 7}", start.AddSeconds((batch * 60) + i)).Replace("cli-test.example.com", "paging.example.com", StringComparison.Ordinal))).ToList();
            var response = await _server.Client.PutAuditEventsAsync(_server.DefaultChannelArn, entries);
            response.IsSuccess.ShouldBeTrue(response.Body);
        }

        var result = await Eventually.WaitAsync(
            () => Aws("cloudtrail", "lookup-events", "--lookup-attributes", "AttributeKey=EventSource,AttributeValue=paging.example.com"),
            r => r.ExitCode == 0 && JsonDocument.Parse(r.Stdout).RootElement.GetProperty("Events").GetArrayLength() >= 120,
            what: "120 events visible");

        var events = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("Events").EnumerateArray().ToList();
        events.Count.ShouldBe(120);
        events.Select(e => e.GetProperty("EventId").GetString()).Distinct().Count().ShouldBe(120);
        var times = events.Select(e => e.GetProperty("EventTime").GetDouble()).ToList();
        times.ShouldBe(times.OrderByDescending(t => t).ToList());
    }

    [Fact]
    public async Task LookupEvents_UnknownAttributeKey_InvalidLookupAttributesException()
    {
        var result = await Aws("cloudtrail", "lookup-events", "--lookup-attributes", "AttributeKey=Colour,AttributeValue=blue");

        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain("(InvalidLookupAttributesException) when calling the LookupEvents operation");
        result.Stderr.ShouldContain("Colour");
    }

    [Fact]
    public async Task LookupEvents_StartAfterEnd_InvalidTimeRangeException()
    {
        var result = await Aws("cloudtrail", "lookup-events", "--start-time", "2026-01-02T00:00:00Z", "--end-time", "2026-01-01T00:00:00Z");

        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain("(InvalidTimeRangeException)");
    }

    [Fact]
    public async Task LookupEvents_PageSizeOver50_InvalidMaxResultsException()
    {
        var result = await Aws("cloudtrail", "lookup-events", "--page-size", "51");

        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain("(InvalidMaxResultsException)");
    }

    [Fact]
    public async Task AnyCall_WrongSecret_InvalidSignatureException_AndTheRefusalIsAudited()
    {
        var environment = _server.ClientEnvironment();
        environment["AWS_SECRET_ACCESS_KEY"] = "wrong-secret-wrong-secret-wrong-secret-00";

        var result = await Processes.AwsAsync(environment, "cloudtrail", "lookup-events", "--endpoint-url", _server.Endpoint.ToString().TrimEnd('/'));

        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain("(InvalidSignatureException)");
        var audited = await Eventually.WaitAsync(
            () => Aws("cloudtrail", "lookup-events", "--lookup-attributes", "AttributeKey=EventName,AttributeValue=LookupEvents"),
            r => r.ExitCode == 0 && r.Stdout.Contains("InvalidSignatureException", StringComparison.Ordinal),
            what: "the refused call appears in event history");
        var refused = JsonDocument.Parse(audited.Stdout).RootElement.GetProperty("Events").EnumerateArray()
            .Select(e => JsonDocument.Parse(e.GetProperty("CloudTrailEvent").GetString()!).RootElement)
            .First(r => r.TryGetProperty("errorCode", out var c) && c.GetString() == "InvalidSignatureException");
        refused.GetProperty("userIdentity").GetProperty("accessKeyId").GetString().ShouldBe(TestServer.AccessKeyId);
        refused.GetProperty("sourceIPAddress").GetString().ShouldBe("127.0.0.1");
        refused.GetProperty("userAgent").GetString()!.ShouldStartWith("aws-cli/");
    }

    [Fact]
    public async Task AnyCall_UnknownAccessKey_UnrecognizedClientException()
    {
        var environment = _server.ClientEnvironment();
        environment["AWS_ACCESS_KEY_ID"] = "AKIANOTKNOWN00000000";

        var result = await Processes.AwsAsync(environment, "cloudtrail", "lookup-events", "--endpoint-url", _server.Endpoint.ToString().TrimEnd('/'));

        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain("(UnrecognizedClientException)");
    }

    [Fact]
    public async Task OwnApiCalls_AreRecordedAsManagementEvents()
    {
        var first = await Aws("cloudtrail", "lookup-events", "--max-items", "1");
        first.ExitCode.ShouldBe(0, first.Stderr);

        var audited = await Eventually.WaitAsync(
            () => Aws("cloudtrail", "lookup-events", "--lookup-attributes", "AttributeKey=Username,AttributeValue=root"),
            r => r.ExitCode == 0 && JsonDocument.Parse(r.Stdout).RootElement.GetProperty("Events").GetArrayLength() >= 1,
            what: "a self-audit record");

        var found = JsonDocument.Parse(audited.Stdout).RootElement.GetProperty("Events")[0];
        found.GetProperty("EventName").GetString().ShouldBe("LookupEvents");
        found.GetProperty("EventSource").GetString().ShouldBe("cloudtrail.amazonaws.com");
        found.GetProperty("ReadOnly").GetString().ShouldBe("true");
        found.GetProperty("AccessKeyId").GetString().ShouldBe(TestServer.AccessKeyId);
        var record = JsonDocument.Parse(found.GetProperty("CloudTrailEvent").GetString()!).RootElement;
        record.GetProperty("userIdentity").GetProperty("type").GetString().ShouldBe("Root");
        record.GetProperty("userIdentity").GetProperty("arn").GetString().ShouldBe($"arn:aws:iam::{TestServer.AccountId}:root");
        record.GetProperty("eventCategory").GetString().ShouldBe("Management");
        record.GetProperty("managementEvent").GetBoolean().ShouldBeTrue();
        record.GetProperty("recipientAccountId").GetString().ShouldBe(TestServer.AccountId);
        record.GetProperty("requestID").GetString().ShouldNotBeNullOrEmpty();
    }
}
