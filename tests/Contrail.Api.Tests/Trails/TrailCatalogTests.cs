using System.Text.Json;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.Trails;

/// <summary>Persistence, concurrency, raw-wire errors and the self-audit of the trail operations.</summary>
public sealed class TrailCatalogTests
{
    private static Task<Contrail.Client.ContrailResponse> Call(TestServer server, string operation, object body) =>
        server.Client.CallAsync(operation, JsonSerializer.Serialize(body));

    [Fact]
    public async Task Trails_SurviveARestart_WithTheirSettingsSelectorsAndLoggingStatus()
    {
        var directory = TempDirectory.Create("trails-restart");
        try
        {
            await using (var server = await TestServer.StartAsync(directory))
            {
                (await Call(server, "CreateTrail", new { Name = "kept", S3BucketName = "kept-bucket", S3KeyPrefix = "pre" })).IsSuccess.ShouldBeTrue();
                (await Call(server, "PutEventSelectors", new { TrailName = "kept", EventSelectors = new[] { new { ReadWriteType = "WriteOnly" } } })).IsSuccess.ShouldBeTrue();
                (await Call(server, "StartLogging", new { Name = "kept" })).IsSuccess.ShouldBeTrue();
            }

            File.Exists(Path.Combine(directory, "config", "trails.json")).ShouldBeTrue();
            Directory.GetFiles(Path.Combine(directory, "config"), "*.tmp").ShouldBeEmpty();

            await using (var restarted = await TestServer.StartAsync(directory))
            {
                var trail = await Call(restarted, "GetTrail", new { Name = "kept" });
                trail.IsSuccess.ShouldBeTrue(trail.Body);
                var t = JsonDocument.Parse(trail.Body).RootElement.GetProperty("Trail");
                t.GetProperty("S3KeyPrefix").GetString().ShouldBe("pre");
                t.GetProperty("HasCustomEventSelectors").GetBoolean().ShouldBeTrue();
                var status = JsonDocument.Parse((await Call(restarted, "GetTrailStatus", new { Name = "kept" })).Body).RootElement;
                status.GetProperty("IsLogging").GetBoolean().ShouldBeTrue();
                status.GetProperty("StartLoggingTime").GetDouble().ShouldBeGreaterThan(0);
                var selectors = JsonDocument.Parse((await Call(restarted, "GetEventSelectors", new { TrailName = "kept" })).Body).RootElement;
                selectors.GetProperty("EventSelectors")[0].GetProperty("ReadWriteType").GetString().ShouldBe("WriteOnly");
            }
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public async Task CreateTrail_SameNameFrom8Tasks_ExactlyOneSucceeds()
    {
        await using var server = await TestServer.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => Call(server, "CreateTrail", new { Name = "contended", S3BucketName = "contended-bucket" }))));

        results.Count(r => r.IsSuccess).ShouldBe(1);
        results.Where(r => !r.IsSuccess).ShouldAllBe(r => r.ErrorCode == "TrailAlreadyExistsException");
        var listed = JsonDocument.Parse((await Call(server, "ListTrails", new { })).Body).RootElement.GetProperty("Trails");
        listed.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task RawCalls_MissingRequiredOrWrongType_ValidationAndSerializationErrors()
    {
        await using var server = await TestServer.StartAsync();

        var missing = await Call(server, "CreateTrail", new { Name = "no-bucket" });
        missing.Status.ShouldBe(400);
        missing.ErrorCode.ShouldBe("ValidationException");
        missing.Body.ShouldContain("s3BucketName");
        (await Call(server, "GetTrail", new { })).ErrorCode.ShouldBe("ValidationException");
        (await Call(server, "CreateTrail", new { Name = "typed", S3BucketName = "typed-bucket", IsMultiRegionTrail = "yes" })).ErrorCode.ShouldBe("SerializationException");
        (await Call(server, "CreateTrail", new { Name = "typed", S3BucketName = "typed-bucket", IsMultiRegionTrail = true, IncludeGlobalServiceEvents = false }))
            .ErrorCode.ShouldBe("InvalidParameterCombinationException");
        (await Call(server, "ListTrails", new { })).Body.ShouldBe("""{"Trails":[]}""");
    }

    [Fact]
    public async Task CreateTrail_IsAuditedAsAManagementEvent_WithRequestParametersAndTheTrailResource()
    {
        await using var server = await TestServer.StartAsync();
        (await Call(server, "CreateTrail", new { Name = "audited", S3BucketName = "audited-bucket" })).IsSuccess.ShouldBeTrue();

        var lookup = await Eventually.WaitAsync(
            () => Call(server, "LookupEvents", new { LookupAttributes = new[] { new { AttributeKey = "EventName", AttributeValue = "CreateTrail" } } }),
            r => r.IsSuccess && JsonDocument.Parse(r.Body).RootElement.GetProperty("Events").GetArrayLength() == 1,
            what: "the CreateTrail call in event history");

        var found = JsonDocument.Parse(lookup.Body).RootElement.GetProperty("Events")[0];
        found.GetProperty("EventSource").GetString().ShouldBe("cloudtrail.amazonaws.com");
        found.GetProperty("ReadOnly").GetString().ShouldBe("false");
        var arn = $"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:trail/audited";
        var resource = found.GetProperty("Resources")[0];
        resource.GetProperty("ResourceType").GetString().ShouldBe("AWS::CloudTrail::Trail");
        resource.GetProperty("ResourceName").GetString().ShouldBe(arn);
        var record = JsonDocument.Parse(found.GetProperty("CloudTrailEvent").GetString()!).RootElement;
        record.GetProperty("managementEvent").GetBoolean().ShouldBeTrue();
        record.GetProperty("eventCategory").GetString().ShouldBe("Management");
        record.GetProperty("requestParameters").GetProperty("name").GetString().ShouldBe("audited");
        record.GetProperty("requestParameters").GetProperty("s3BucketName").GetString().ShouldBe("audited-bucket");
        record.GetProperty("resources")[0].GetProperty("ARN").GetString().ShouldBe(arn);
    }
}
