using System.Text.Json;
using Contrail.Api.Delivery;
using Contrail.Api.Tests.Support;
using Contrail.Tests.Support;

namespace Contrail.Api.Tests.Delivery;

/// <summary>
/// Which trails get which records: global service events (IncludeGlobalServiceEvents), and a
/// round trip of the real CloudTrail samples from ingestion to delivered files.
/// </summary>
public sealed class TrailScopeTests : IDisposable
{
    private readonly string _dataDirectory = TempDirectory.Create("delivery-scope");

    public void Dispose() => TempDirectory.Delete(_dataDirectory);

    [Fact]
    public async Task GlobalServiceEvents_GoOnlyToTrailsThatIncludeThem()
    {
        var app = await DeliveryHarness.StartInProcessAsync(_dataDirectory, TimeSpan.FromSeconds(1));
        await using var server = app;
        var endpoint = new Uri(app.Urls.First());
        using var client = DeliveryHarness.Client(endpoint);
        await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", "with-global", "--s3-bucket-name", "with-global", "--no-is-multi-region-trail");
        await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", "without-global", "--s3-bucket-name", "without-global", "--no-is-multi-region-trail", "--no-include-global-service-events");
        await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "with-global");
        await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "without-global");

        var iam = DeliveryHarness.NewIds(4).ToList();
        var sts = DeliveryHarness.NewIds(3).ToList();
        var regionalSts = DeliveryHarness.NewIds(2).ToList();
        var regional = DeliveryHarness.NewIds(5).ToList();
        await DeliveryHarness.PutManagementAsync(client, iam, "us-east-1", eventSource: "iam.amazonaws.com");
        await DeliveryHarness.PutManagementAsync(client, sts, "us-east-1", eventSource: "sts.amazonaws.com");
        await DeliveryHarness.PutManagementAsync(client, regionalSts, "eu-west-1", eventSource: "sts.amazonaws.com");
        await DeliveryHarness.PutManagementAsync(client, regional);

        var with = await Eventually.WaitAsync(
            () => Task.FromResult(DeliveryHarness.ReadFiles(_dataDirectory, "with-global")),
            f => DeliveryHarness.EventIds(f).ToHashSet().IsSupersetOf(iam.Concat(sts).Concat(regional)),
            TimeSpan.FromSeconds(20),
            "the trail with global service events delivered them");
        var without = await Eventually.WaitAsync(
            () => Task.FromResult(DeliveryHarness.ReadFiles(_dataDirectory, "without-global")),
            f => DeliveryHarness.EventIds(f).ToHashSet().IsSupersetOf(regional),
            TimeSpan.FromSeconds(20),
            "the trail without global service events delivered the regional ones");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        without = DeliveryHarness.ReadFiles(_dataDirectory, "without-global");
        with = DeliveryHarness.ReadFiles(_dataDirectory, "with-global");

        DeliveryHarness.EventIds(without).ShouldNotContain(id => iam.Contains(id) || sts.Contains(id), "a global service event reached a trail without them");
        DeliveryHarness.EventIds(with).Where(id => iam.Contains(id) || sts.Contains(id)).Count().ShouldBe(iam.Count + sts.Count);
        with.Where(f => DeliveryHarness.EventIds([f]).Any(iam.Contains)).ShouldAllBe(f => f.Region == "us-east-1");

        // STS called at a regional endpoint is a regional event: not for single-region trails of another region.
        DeliveryHarness.EventIds(with.Concat(without)).ShouldNotContain(id => regionalSts.Contains(id));
    }

    [Fact]
    public async Task OrganizationTrail_PutsTheOrganizationIdInItsKeys_AndAPrefixBeforeAWSLogs()
    {
        const string organization = "o-a1b2c3d4e5";
        var app = await DeliveryHarness.StartInProcessAsync(_dataDirectory, TimeSpan.FromSeconds(1), organization);
        await using var server = app;
        var endpoint = new Uri(app.Urls.First());
        using var client = DeliveryHarness.Client(endpoint);
        await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", "org", "--s3-bucket-name", DeliveryHarness.Bucket, "--is-organization-trail", "--s3-key-prefix", "audit/logs");
        await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", "account", "--s3-bucket-name", "account-bucket");
        await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "org");
        await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "account");
        var ids = DeliveryHarness.NewIds(3).ToList();
        await DeliveryHarness.PutManagementAsync(client, ids);

        var files = await Eventually.WaitAsync(
            () => Task.FromResult(DeliveryHarness.ReadFiles(_dataDirectory)),
            f => DeliveryHarness.EventIds(f).ToHashSet().IsSupersetOf(ids),
            TimeSpan.FromSeconds(20),
            "the organization trail delivered");
        files.ShouldAllBe(f => f.Key.StartsWith($"audit/logs/AWSLogs/{organization}/{TestServer.AccountId}/CloudTrail/{TestServer.Region}/", StringComparison.Ordinal));
        var accountFiles = await Eventually.WaitAsync(
            () => Task.FromResult(DeliveryHarness.ReadFiles(_dataDirectory, "account-bucket")),
            f => DeliveryHarness.EventIds(f).ToHashSet().IsSupersetOf(ids),
            TimeSpan.FromSeconds(20),
            "the account trail delivered");
        accountFiles.ShouldAllBe(f => f.Key.StartsWith($"AWSLogs/{TestServer.AccountId}/CloudTrail/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeletedTrail_ReleasesItsJournalConsumer_AndAStoppedTrailKeepsUp()
    {
        var app = await DeliveryHarness.StartInProcessAsync(_dataDirectory, TimeSpan.FromSeconds(1));
        await using var server = app;
        var endpoint = new Uri(app.Urls.First());
        using var client = DeliveryHarness.Client(endpoint);
        var journal = (Contrail.Journal.Journal)app.Services.GetService(typeof(Contrail.Journal.Journal))!;
        await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", "doomed", "--s3-bucket-name", DeliveryHarness.Bucket);
        await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", "idle", "--s3-bucket-name", "idle-bucket");
        await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "doomed");
        var ids = DeliveryHarness.NewIds(5).ToList();
        await DeliveryHarness.PutManagementAsync(client, ids);
        await Eventually.WaitAsync(
            () => Task.FromResult(DeliveryHarness.ReadFiles(_dataDirectory)),
            f => DeliveryHarness.EventIds(f).ToHashSet().IsSupersetOf(ids),
            TimeSpan.FromSeconds(20),
            "delivered");
        var doomed = TrailDelivery.ConsumerName($"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:trail/doomed");
        var idle = TrailDelivery.ConsumerName($"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:trail/idle");
        journal.GetConsumerPosition(doomed).ShouldNotBeNull();

        await DeliveryHarness.CliOkAsync(endpoint, "delete-trail", "--name", "doomed");
        await Eventually.WaitAsync(() => Task.FromResult(journal.GetConsumerPosition(doomed)), p => p is null, TimeSpan.FromSeconds(10), "the deleted trail's consumer is gone");
        File.Exists(DeliveryState.PathOf(_dataDirectory, "doomed")).ShouldBeFalse();

        // A trail that never logged still follows the journal, so it holds no segment back for long.
        await Eventually.WaitAsync(
            () => Task.FromResult(journal.GetConsumerPosition(idle)),
            p => p >= journal.CommittedPosition - 4096,
            TimeSpan.FromSeconds(10),
            "the idle trail's position follows the journal");
        DeliveryHarness.ReadFiles(_dataDirectory, "idle-bucket").ShouldBeEmpty();
    }

    [Fact]
    public async Task RealCloudTrailSamples_RoundTripThroughDelivery_FieldForField()
    {
        var originals = SampleRecords.Files()
            .SelectMany(SampleRecords.Read)
            .Select(UndoLogstash)
            .GroupBy(r => r.GetProperty("eventID").GetString()!, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        originals.Count.ShouldBeGreaterThan(300);

        var app = await DeliveryHarness.StartInProcessAsync(_dataDirectory, TimeSpan.FromSeconds(1));
        await using var server = app;
        var endpoint = new Uri(app.Urls.First());
        using var client = DeliveryHarness.Client(endpoint);
        await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", "samples", "--s3-bucket-name", DeliveryHarness.Bucket);
        await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "samples");
        foreach (var chunk in originals.Chunk(100))
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new { Records = chunk });
            var response = await client.PutRecordsAsync(body, gzip: false);
            response.IsSuccess.ShouldBeTrue(response.Body);
            JsonDocument.Parse(response.Body).RootElement.GetProperty("failed").GetArrayLength().ShouldBe(0, response.Body);
        }

        // A multi-region trail with default selectors: every management event, from every region,
        // global service events included; data events are not selected by default.
        var expected = originals
            .Where(r => (r.TryGetProperty("eventCategory", out var c) ? c.GetString() : "Management") == "Management")
            .ToDictionary(r => r.GetProperty("eventID").GetString()!, StringComparer.Ordinal);
        expected.Count.ShouldBeGreaterThan(300);
        var files = await Eventually.WaitAsync(
            () => Task.FromResult(DeliveryHarness.ReadFiles(_dataDirectory)),
            f => DeliveryHarness.EventIds(f).ToHashSet().IsSupersetOf(expected.Keys),
            TimeSpan.FromSeconds(30),
            "every sample management event delivered");

        var delivered = files.SelectMany(f => f.Records.Select(r => (File: f, Record: r)))
            .Where(x => expected.ContainsKey(x.Record.GetProperty("eventID").GetString()!))
            .ToList();
        delivered.Count.ShouldBe(expected.Count, "a sample record was delivered twice");
        foreach (var (file, record) in delivered)
        {
            var original = expected[record.GetProperty("eventID").GetString()!];
            // Records older than eventVersion 1.08 are completed with the two members ingestion infers
            // (docs/ingestion.md); nothing else may change.
            var completed = Differences(record, original).Where(d => !(d.StartsWith("eventCategory: delivered \"Management\", sent (none)", StringComparison.Ordinal)
                || d.StartsWith("managementEvent: delivered true, sent (none)", StringComparison.Ordinal)));
            completed.ShouldBeEmpty($"fields that differ in {original.GetProperty("eventID")}");
            file.Region.ShouldBe(original.TryGetProperty("awsRegion", out var region) ? region.GetString() : TestServer.Region);
        }

        var dataEvents = originals.Where(r => r.TryGetProperty("eventCategory", out var c) && c.GetString() == "Data").Select(r => r.GetProperty("eventID").GetString()).ToHashSet();
        dataEvents.ShouldNotBeEmpty();
        DeliveryHarness.EventIds(files).ShouldNotContain(id => dataEvents.Contains(id));
    }

    /// <summary>
    /// The OTRF samples went through Logstash, which replaced <c>eventTime</c> by <c>@timestamp</c>
    /// and added <c>@version</c> (../shared/data/SOURCES.md); this puts the CloudTrail record back.
    /// </summary>
    private static JsonElement UndoLogstash(JsonElement record)
    {
        if (!record.TryGetProperty("@timestamp", out var timestamp))
        {
            return record;
        }

        var fields = record.EnumerateObject().Where(p => p.Name is not ("@timestamp" or "@version")).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        fields["eventTime"] = JsonSerializer.SerializeToElement(DateTimeOffset.Parse(timestamp.GetString()!, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        return JsonSerializer.SerializeToElement(fields);
    }

    /// <summary>The top-level members whose values differ (or that only one side has).</summary>
    private static List<string> Differences(JsonElement delivered, JsonElement sent)
    {
        var names = delivered.EnumerateObject().Select(p => p.Name).Union(sent.EnumerateObject().Select(p => p.Name));
        return [.. names.Where(n => !(delivered.TryGetProperty(n, out var a) && sent.TryGetProperty(n, out var b) && JsonElement.DeepEquals(a, b)))
            .Select(n => $"{n}: delivered {(delivered.TryGetProperty(n, out var a) ? a.GetRawText() : "(none)")}, sent {(sent.TryGetProperty(n, out var b) ? b.GetRawText() : "(none)")}")];
    }
}
