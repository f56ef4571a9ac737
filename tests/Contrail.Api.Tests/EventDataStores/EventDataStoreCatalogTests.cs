using System.Text.Json;
using Contrail.Api.CloudTrail.EventDataStores;
using Contrail.Api.Service;
using Contrail.Api.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Contrail.Api.Tests.EventDataStores;

/// <summary>The Lake catalog itself: the seven-day purge on a fake clock, restarts, a damaged file, concurrent creates.</summary>
public sealed class EventDataStoreCatalogTests
{
    // The real time to the second: the server checks request signatures against its clock.
    private static DateTimeOffset RealNowToTheSecond() => DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    private static Task<Contrail.Client.ContrailResponse> Call(TestServer server, string operation, object body) =>
        server.Client.CallAsync(operation, JsonSerializer.Serialize(body));

    private static ContrailSettings Settings(string directory) =>
        new(directory, new ServiceIdentity(TestServer.AccountId, TestServer.Region), TestServer.AccessKeyId, TestServer.Secret);

    [Fact]
    public async Task Purge_SevenDaysAfterDelete_DropsTheStoreOnceAndRaisesPurged()
    {
        var directory = TempDirectory.Create("eds-purge");
        try
        {
            var start = RealNowToTheSecond();
            var clock = new LakeClock(start);
            await using (var server = await TestServer.StartAsync(directory, clock))
            {
                var created = await Call(server, "CreateEventDataStore", new { Name = "short-lived", TerminationProtectionEnabled = false });
                created.IsSuccess.ShouldBeTrue(created.Body);
                var kept = await Call(server, "CreateEventDataStore", new { Name = "kept" });
                var arn = JsonDocument.Parse(created.Body).RootElement.GetProperty("EventDataStoreArn").GetString()!;
                (await Call(server, "DeleteEventDataStore", new { EventDataStore = arn })).IsSuccess.ShouldBeTrue();
            }

            // The purge's own loop, on a short interval of real time, over the fake clock's days.
            var catalog = new EventDataStoreCatalog(Settings(directory), clock);
            var purged = new List<string>();
            catalog.Purged += s => { lock (purged) { purged.Add(s.Name); } };
            using var purge = new EventDataStorePurge(catalog, clock, NullLogger<EventDataStorePurge>.Instance) { Interval = TimeSpan.FromMilliseconds(10) };
            await purge.StartAsync(CancellationToken.None);
            try
            {
                clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
                catalog.PurgeExpired().ShouldBeEmpty("not yet seven days");
                catalog.List().Select(s => s.Name).ShouldBe(["kept", "short-lived"]);
                catalog.List()[1].Status.ShouldBe("PENDING_DELETION");

                clock.Advance(TimeSpan.FromSeconds(1));
                await Eventually.WaitAsync(() => Task.FromResult(catalog.List().Count), n => n == 1, what: "the expired store purged");
                catalog.List().Single().Name.ShouldBe("kept");
                lock (purged)
                {
                    purged.ShouldBe(["short-lived"]);
                }
            }
            finally
            {
                await purge.StopAsync(CancellationToken.None);
            }

            File.ReadAllText(catalog.FilePath).ShouldNotContain("short-lived");
            await using var restarted = await TestServer.StartAsync(directory);
            var listed = JsonDocument.Parse((await Call(restarted, "ListEventDataStores", new { })).Body).RootElement.GetProperty("EventDataStores");
            listed.EnumerateArray().Select(s => s.GetProperty("Name").GetString()).ShouldBe(["kept"]);
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public async Task Stores_SurviveARestart_WithSettingsStatusTagsAndTimes()
    {
        var directory = TempDirectory.Create("eds-restart");
        try
        {
            var start = RealNowToTheSecond();
            var clock = new LakeClock(start);
            string arn;
            await using (var server = await TestServer.StartAsync(directory, clock))
            {
                var created = await Call(server, "CreateEventDataStore", new
                {
                    Name = "durable",
                    RetentionPeriod = 30,
                    BillingMode = "FIXED_RETENTION_PRICING",
                    KmsKeyId = "alias/lake",
                    TagsList = new[] { new { Key = "team", Value = "sec" } },
                    AdvancedEventSelectors = new[] { new { Name = "s3", FieldSelectors = new object[] { new { Field = "eventCategory", Equals = new[] { "Data" } }, new { Field = "resources.type", Equals = new[] { "AWS::S3::Object" } } } } },
                });
                created.IsSuccess.ShouldBeTrue(created.Body);
                arn = JsonDocument.Parse(created.Body).RootElement.GetProperty("EventDataStoreArn").GetString()!;
                clock.Advance(TimeSpan.FromMinutes(5));
                (await Call(server, "StopEventDataStoreIngestion", new { EventDataStore = arn })).IsSuccess.ShouldBeTrue();
            }

            Directory.GetFiles(Path.Combine(directory, "config"), "*.tmp").ShouldBeEmpty();
            await using (var restarted = await TestServer.StartAsync(directory, clock))
            {
                var got = await Call(restarted, "GetEventDataStore", new { EventDataStore = arn });
                got.IsSuccess.ShouldBeTrue(got.Body);
                var store = JsonDocument.Parse(got.Body).RootElement;
                store.GetProperty("Name").GetString().ShouldBe("durable");
                store.GetProperty("Status").GetString().ShouldBe("STOPPED_INGESTION");
                store.GetProperty("RetentionPeriod").GetInt32().ShouldBe(30);
                store.GetProperty("BillingMode").GetString().ShouldBe("FIXED_RETENTION_PRICING");
                store.GetProperty("KmsKeyId").GetString().ShouldBe($"arn:aws:kms:{TestServer.Region}:{TestServer.AccountId}:alias/lake");
                store.GetProperty("AdvancedEventSelectors")[0].GetProperty("FieldSelectors")[1].GetProperty("Equals")[0].GetString().ShouldBe("AWS::S3::Object");
                store.GetProperty("CreatedTimestamp").GetDouble().ShouldBe(start.ToUnixTimeSeconds());
                store.GetProperty("UpdatedTimestamp").GetDouble().ShouldBe(start.AddMinutes(5).ToUnixTimeSeconds());
                var tags = JsonDocument.Parse((await Call(restarted, "ListTags", new { ResourceIdList = new[] { arn } })).Body).RootElement;
                tags.GetProperty("ResourceTagList")[0].GetProperty("TagsList")[0].GetProperty("Key").GetString().ShouldBe("team");
            }
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Theory]
    [InlineData("{\"Version\": 1, \"EventDataStores\": [")]
    [InlineData("{\"Version\": 2, \"EventDataStores\": []}")]
    [InlineData("{\"Version\": 1, \"EventDataStores\": [{\"Name\": \"no-id\"}]}")]
    [InlineData("null")]
    public async Task Start_DamagedCatalogFile_StopsWithAClearErrorAndLeavesTheFile(string content)
    {
        var directory = TempDirectory.Create("eds-damaged");
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "config"));
            var path = Path.Combine(directory, "config", "event-data-stores.json");
            File.WriteAllText(path, content);

            var error = await Should.ThrowAsync<InvalidDataException>(async () => await (await TestServer.StartAsync(directory)).DisposeAsync());

            error.Message.ShouldContain(path);
            File.ReadAllText(path).ShouldBe(content, "a damaged catalog is never rewritten");
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public async Task CreateEventDataStore_SameNameFrom8Tasks_ExactlyOneSucceeds()
    {
        await using var server = await TestServer.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => Call(server, "CreateEventDataStore", new { Name = "contended" }))));

        results.Count(r => r.IsSuccess).ShouldBe(1);
        results.Where(r => !r.IsSuccess).ShouldAllBe(r => r.ErrorCode == "EventDataStoreAlreadyExistsException");
    }

    [Fact]
    public async Task RawCalls_RetentionBelowMinimumAndWrongTypes_ValidationAndSerializationErrors()
    {
        await using var server = await TestServer.StartAsync();

        var low = await Call(server, "CreateEventDataStore", new { Name = "low", RetentionPeriod = 6 });
        low.ErrorCode.ShouldBe("ValidationException");
        low.Body.ShouldContain("greater than or equal to 7");
        (await Call(server, "CreateEventDataStore", new { Name = "ab" })).ErrorCode.ShouldBe("ValidationException");
        (await Call(server, "CreateEventDataStore", new { })).ErrorCode.ShouldBe("ValidationException");
        (await Call(server, "CreateEventDataStore", new { Name = "typed", MultiRegionEnabled = "yes" })).ErrorCode.ShouldBe("SerializationException");
        (await Call(server, "GetEventDataStore", new { })).ErrorCode.ShouldBe("ValidationException");
        (await Call(server, "ListEventDataStores", new { MaxResults = 0 })).ErrorCode.ShouldBe("InvalidMaxResultsException");
        (await Call(server, "ListEventDataStores", new { })).Body.ShouldBe("""{"EventDataStores":[]}""");
    }

    [Fact]
    public async Task CreateEventDataStore_IsAuditedWithTheStoreAsResource()
    {
        await using var server = await TestServer.StartAsync();
        var created = await Call(server, "CreateEventDataStore", new { Name = "audited-eds" });
        var arn = JsonDocument.Parse(created.Body).RootElement.GetProperty("EventDataStoreArn").GetString()!;

        var lookup = await Eventually.WaitAsync(
            () => Call(server, "LookupEvents", new { LookupAttributes = new[] { new { AttributeKey = "EventName", AttributeValue = "CreateEventDataStore" } } }),
            r => r.IsSuccess && JsonDocument.Parse(r.Body).RootElement.GetProperty("Events").GetArrayLength() == 1,
            what: "the CreateEventDataStore call in event history");

        var found = JsonDocument.Parse(lookup.Body).RootElement.GetProperty("Events")[0];
        found.GetProperty("Resources")[0].GetProperty("ResourceType").GetString().ShouldBe("AWS::CloudTrail::EventDataStore");
        found.GetProperty("Resources")[0].GetProperty("ResourceName").GetString().ShouldBe(arn);
        var record = JsonDocument.Parse(found.GetProperty("CloudTrailEvent").GetString()!).RootElement;
        record.GetProperty("requestParameters").GetProperty("name").GetString().ShouldBe("audited-eds");
    }
}
