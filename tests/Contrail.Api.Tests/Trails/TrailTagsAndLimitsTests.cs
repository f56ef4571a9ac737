using System.Text.Json;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.Trails;

/// <summary>Tags and the trail limit on the server: persistence, DeleteTrail, concurrent callers, raw-wire errors.</summary>
public sealed class TrailTagsAndLimitsTests
{
    private const string Arn = $"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:trail/";

    private static Task<Contrail.Client.ContrailResponse> Call(TestServer server, string operation, object body) =>
        server.Client.CallAsync(operation, JsonSerializer.Serialize(body));

    private static async Task<JsonElement> TagsOf(TestServer server, string name)
    {
        var listed = await Call(server, "ListTags", new { ResourceIdList = new[] { Arn + name } });
        listed.IsSuccess.ShouldBeTrue(listed.Body);
        return JsonDocument.Parse(listed.Body).RootElement.GetProperty("ResourceTagList")[0].GetProperty("TagsList");
    }

    [Fact]
    public async Task Tags_SurviveARestart_AndDeleteTrailDropsThem()
    {
        var directory = TempDirectory.Create("tags-restart");
        try
        {
            await using (var server = await TestServer.StartAsync(directory))
            {
                (await Call(server, "CreateTrail", new { Name = "tagged", S3BucketName = "tagged-bucket", TagsList = new[] { new { Key = "team", Value = "sec" } } })).IsSuccess.ShouldBeTrue();
                (await Call(server, "AddTags", new { ResourceId = Arn + "tagged", TagsList = new object[] { new { Key = "env", Value = "prod" }, new { Key = "flag" } } })).IsSuccess.ShouldBeTrue();
                (await Call(server, "RemoveTags", new { ResourceId = Arn + "tagged", TagsList = new[] { new { Key = "team" } } })).IsSuccess.ShouldBeTrue();
            }

            var file = await File.ReadAllTextAsync(Path.Combine(directory, "config", "trails.json"));
            file.ShouldContain("\"Key\": \"flag\"");

            await using (var restarted = await TestServer.StartAsync(directory))
            {
                var tags = await TagsOf(restarted, "tagged");
                tags.GetArrayLength().ShouldBe(2);
                tags[0].GetProperty("Key").GetString().ShouldBe("env");
                tags[0].GetProperty("Value").GetString().ShouldBe("prod");
                tags[1].GetProperty("Key").GetString().ShouldBe("flag");
                tags[1].TryGetProperty("Value", out _).ShouldBeFalse("a key without value has no Value member");

                (await Call(restarted, "DeleteTrail", new { Name = "tagged" })).IsSuccess.ShouldBeTrue();
                (await Call(restarted, "ListTags", new { ResourceIdList = new[] { Arn + "tagged" } })).ErrorCode.ShouldBe("ResourceNotFoundException");
                (await Call(restarted, "CreateTrail", new { Name = "tagged", S3BucketName = "tagged-bucket" })).IsSuccess.ShouldBeTrue();
                (await TagsOf(restarted, "tagged")).GetArrayLength().ShouldBe(0, "a trail created again under the name starts without tags");
            }
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public async Task AddTags_60DistinctKeysFrom6Tasks_Exactly50Kept()
    {
        await using var server = await TestServer.StartAsync();
        (await Call(server, "CreateTrail", new { Name = "busy", S3BucketName = "busy-bucket" })).IsSuccess.ShouldBeTrue();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(t => Task.Run(async () =>
        {
            var outcomes = new List<Contrail.Client.ContrailResponse>();
            for (var i = 0; i < 10; i++)
            {
                outcomes.Add(await Call(server, "AddTags", new { ResourceId = Arn + "busy", TagsList = new[] { new { Key = $"k{t}-{i}" } } }));
            }

            return outcomes;
        })));

        var all = results.SelectMany(r => r).ToList();
        all.Count(r => r.IsSuccess).ShouldBe(50);
        all.Where(r => !r.IsSuccess).ShouldAllBe(r => r.ErrorCode == "TagsLimitExceededException");
        (await TagsOf(server, "busy")).GetArrayLength().ShouldBe(50);
    }

    [Fact]
    public async Task CreateTrail_8NamesFrom8Tasks_Exactly5Created_TheRestMaximumNumberOfTrailsExceeded()
    {
        await using var server = await TestServer.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Call(server, "CreateTrail", new { Name = $"racer-{i}", S3BucketName = "racer-bucket" }))));

        results.Count(r => r.IsSuccess).ShouldBe(CreateTrailOperation.MaxTrails);
        var refused = results.Where(r => !r.IsSuccess).ToList();
        refused.ShouldAllBe(r => r.ErrorCode == "MaximumNumberOfTrailsExceededException");
        refused[0].Body.ShouldContain($"User: {TestServer.AccountId} already has 5 trails in {TestServer.Region}.");
        JsonDocument.Parse((await Call(server, "ListTrails", new { })).Body).RootElement.GetProperty("Trails").GetArrayLength().ShouldBe(5);

        // Which five won is up to the race; take one of them.
        var winner = $"racer-{Array.FindIndex(results, r => r.IsSuccess)}";
        (await Call(server, "CreateTrail", new { Name = winner, S3BucketName = "racer-bucket" })).ErrorCode
            .ShouldBe("TrailAlreadyExistsException", "an existing name is named as such, even at the limit");
        (await Call(server, "DeleteTrail", new { Name = winner })).IsSuccess.ShouldBeTrue();
        (await Call(server, "CreateTrail", new { Name = "after-delete", S3BucketName = "racer-bucket" })).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task TagCalls_RawWireErrors_AsTheModelSays()
    {
        await using var server = await TestServer.StartAsync();
        (await Call(server, "CreateTrail", new { Name = "wire", S3BucketName = "wire-bucket" })).IsSuccess.ShouldBeTrue();

        var missing = await Call(server, "AddTags", new { ResourceId = Arn + "wire" });
        missing.ErrorCode.ShouldBe("ValidationException");
        missing.Body.ShouldContain("tagsList");
        (await Call(server, "RemoveTags", new { TagsList = Array.Empty<object>() })).ErrorCode.ShouldBe("ValidationException");
        (await Call(server, "ListTags", new { })).ErrorCode.ShouldBe("ValidationException");
        (await Call(server, "ListTags", new { ResourceIdList = Array.Empty<string>() })).ErrorCode.ShouldBe("ValidationException");
        (await Call(server, "ListTags", new { ResourceIdList = Enumerable.Repeat(Arn + "wire", 21).ToArray() })).ErrorCode.ShouldBe("ValidationException");
        (await Call(server, "ListTags", new { ResourceIdList = new[] { Arn + "wire" }, NextToken = "page-2" })).ErrorCode.ShouldBe("InvalidTokenException");
        (await Call(server, "AddTags", new { ResourceId = "wire", TagsList = new[] { new { Key = "k" } } })).ErrorCode.ShouldBe("CloudTrailARNInvalidException");
        (await Call(server, "AddTags", new { ResourceId = $"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:channel/default", TagsList = new[] { new { Key = "k" } } }))
            .ErrorCode.ShouldBe("ResourceTypeNotSupportedException");
        (await Call(server, "AddTags", new { ResourceId = $"arn:aws:cloudtrail:eu-west-1:{TestServer.AccountId}:trail/wire", TagsList = new[] { new { Key = "k" } } }))
            .ErrorCode.ShouldBe("ResourceNotFoundException", "a trail ARN of another region names no trail here");
        (await Call(server, "CreateTrail", new { Name = "too-many", S3BucketName = "wire-bucket", TagsList = Enumerable.Range(0, 51).Select(i => new { Key = $"k{i}" }) }))
            .ErrorCode.ShouldBe("TagsLimitExceededException");

        var empty = await Call(server, "ListTags", new { ResourceIdList = new[] { Arn + "wire", Arn + "wire" } });
        empty.Body.ShouldBe($$"""{"ResourceTagList":[{"ResourceId":"{{Arn}}wire","TagsList":[]}]}""");
        (await Call(server, "AddTags", new { ResourceId = Arn + "wire", TagsList = Array.Empty<object>() })).Body.ShouldBe("{}");
    }

    [Fact]
    public async Task AddTags_IsAuditedWithTheTrailResource()
    {
        await using var server = await TestServer.StartAsync();
        (await Call(server, "CreateTrail", new { Name = "audited", S3BucketName = "audited-bucket" })).IsSuccess.ShouldBeTrue();
        (await Call(server, "AddTags", new { ResourceId = Arn + "audited", TagsList = new[] { new { Key = "team", Value = "sec" } } })).IsSuccess.ShouldBeTrue();

        var lookup = await Eventually.WaitAsync(
            () => Call(server, "LookupEvents", new { LookupAttributes = new[] { new { AttributeKey = "EventName", AttributeValue = "AddTags" } } }),
            r => r.IsSuccess && JsonDocument.Parse(r.Body).RootElement.GetProperty("Events").GetArrayLength() == 1,
            what: "the AddTags call in event history");

        var found = JsonDocument.Parse(lookup.Body).RootElement.GetProperty("Events")[0];
        found.GetProperty("ReadOnly").GetString().ShouldBe("false");
        found.GetProperty("Resources")[0].GetProperty("ResourceName").GetString().ShouldBe(Arn + "audited");
        var record = JsonDocument.Parse(found.GetProperty("CloudTrailEvent").GetString()!).RootElement;
        record.GetProperty("requestParameters").GetProperty("tagsList")[0].GetProperty("key").GetString().ShouldBe("team");
    }

    [Fact]
    public async Task Catalog_FileWithMoreTrailsThanTheLimit_KeepsThemAll_AndRefusesTheNext()
    {
        var directory = TempDirectory.Create("over-limit");
        try
        {
            SeedTrails(directory, 7);
            await using var server = await TestServer.StartAsync(directory);

            JsonDocument.Parse((await Call(server, "ListTrails", new { })).Body).RootElement.GetProperty("Trails").GetArrayLength().ShouldBe(7);
            (await Call(server, "CreateTrail", new { Name = "eighth", S3BucketName = "seed-bucket" })).ErrorCode.ShouldBe("MaximumNumberOfTrailsExceededException");
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    /// <summary>Writes <c>config/trails.json</c> with <paramref name="count"/> trails <c>seed-00</c>…: more than CreateTrail
    /// would make, as a file from before the limit may hold.</summary>
    internal static void SeedTrails(string dataDirectory, int count, string prefix = "seed-")
    {
        var trails = Enumerable.Range(0, count).Select(i => new Trail
        {
            Name = $"{prefix}{i:D2}",
            TrailArn = $"{Arn}{prefix}{i:D2}",
            HomeRegion = TestServer.Region,
            S3BucketName = "seed-bucket",
            EventSelectors = EventSelector.Default,
        }).ToList();
        Directory.CreateDirectory(Path.Combine(dataDirectory, "config"));
        File.WriteAllBytes(Path.Combine(dataDirectory, "config", "trails.json"),
            JsonSerializer.SerializeToUtf8Bytes(new TrailsDocument(TrailsDocument.CurrentVersion, trails), TrailJsonContext.Default.TrailsDocument));
    }
}
