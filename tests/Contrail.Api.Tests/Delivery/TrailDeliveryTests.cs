using System.Collections.Concurrent;
using System.Text.Json;
using Contrail.Api.Tests.Support;
using Contrail.Client;

namespace Contrail.Api.Tests.Delivery;

/// <summary>
/// Log file delivery end to end: trails made and started with the real AWS CLI, management records
/// put through native ingestion, files read back from DATA_DIR/buckets (docs/dev/delivery.md).
/// </summary>
public sealed class TrailDeliveryTests : IDisposable
{
    private readonly string _dataDirectory = TempDirectory.Create("delivery");

    public void Dispose() => TempDirectory.Delete(_dataDirectory);

    [Fact]
    public async Task LoggingTrails_DeliverExactlyTheSelectedRecordsPerRegion_AndStopLoggingStopsFiles()
    {
        var app = await DeliveryHarness.StartInProcessAsync(_dataDirectory, TimeSpan.FromSeconds(1));
        await using var server = app;
        var endpoint = new Uri(app.Urls.First());
        using var client = DeliveryHarness.Client(endpoint);
        await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", "multi", "--s3-bucket-name", DeliveryHarness.Bucket);
        await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", "single", "--s3-bucket-name", "single-bucket", "--no-is-multi-region-trail");
        var before = DeliveryHarness.NewIds(5).ToList();
        await DeliveryHarness.PutManagementAsync(client, before);

        await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "multi");
        await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "single");
        var home = DeliveryHarness.NewIds(20).ToList();
        var europe = DeliveryHarness.NewIds(3).ToList();
        await DeliveryHarness.PutManagementAsync(client, home.Take(10));
        await DeliveryHarness.PutManagementAsync(client, europe, "eu-west-1");
        await DeliveryHarness.PutManagementAsync(client, home.Skip(10));
        var activity = await client.PutAuditEventsAsync($"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:channel/default",
            [new AuditEventEntry("a1", """{"version":"1.0","userIdentity":{"type":"x","principalId":"p"},"eventSource":"app","eventName":"Activity","eventTime":"2026-01-01T00:00:00Z","UID":"u1"}""")]);
        activity.IsSuccess.ShouldBeTrue(activity.Body);

        var files = await Eventually.WaitAsync(
            () => Task.FromResult(DeliveryHarness.ReadFiles(_dataDirectory)),
            f => DeliveryHarness.EventIds(f).ToHashSet().IsSupersetOf(home.Concat(europe)),
            TimeSpan.FromSeconds(20),
            "the multi-region trail delivered every record");

        var ids = DeliveryHarness.EventIds(files).ToList();
        ids.Count.ShouldBe(ids.Distinct().Count(), "a record was delivered twice");
        ids.ShouldNotContain(id => before.Contains(id), "a record from before StartLogging was delivered");
        var records = files.SelectMany(f => f.Records).ToList();
        records.Where(r => r.TryGetProperty("eventCategory", out var c) && c.GetString() != "Management").ShouldBeEmpty();
        records.ShouldNotContain(r => r.GetProperty("eventName").GetString() == "CreateTrail", "the CreateTrail calls came before StartLogging");
        records.ShouldContain(r => r.GetProperty("eventName").GetString() == "StartLogging");
        files.Where(f => f.Region == "eu-west-1").SelectMany(f => f.Records).Select(r => r.GetProperty("eventID").GetString()).ShouldBe(europe, ignoreOrder: true);
        files.Where(f => f.Region == TestServer.Region).SelectMany(f => f.Records).Where(r => r.GetProperty("eventName").GetString() == "Marker").Select(r => r.GetProperty("eventID").GetString()).ShouldBe(home, ignoreOrder: true);

        var single = await Eventually.WaitAsync(
            () => Task.FromResult(DeliveryHarness.ReadFiles(_dataDirectory, "single-bucket")),
            f => DeliveryHarness.EventIds(f).ToHashSet().IsSupersetOf(home),
            TimeSpan.FromSeconds(20),
            "the single-region trail delivered its region");
        single.ShouldAllBe(f => f.Region == TestServer.Region);
        DeliveryHarness.EventIds(single).ShouldNotContain(id => europe.Contains(id));

        var status = await DeliveryHarness.AwsAsync(endpoint, "get-trail-status", "--name", "multi");
        status.ExitCode.ShouldBe(0, status.Stderr);
        var statusJson = JsonDocument.Parse(status.Stdout).RootElement;
        statusJson.TryGetProperty("LatestDeliveryTime", out _).ShouldBeTrue(status.Stdout);
        statusJson.GetProperty("LatestDeliveryAttemptSucceeded").GetString().ShouldNotBeNullOrEmpty();
        statusJson.TryGetProperty("LatestDeliveryError", out _).ShouldBeFalse(status.Stdout);

        await DeliveryHarness.CliOkAsync(endpoint, "stop-logging", "--name", "multi");
        var after = DeliveryHarness.NewIds(5).ToList();
        await DeliveryHarness.PutManagementAsync(client, after);
        await Eventually.WaitAsync(
            () => Task.FromResult(DeliveryHarness.ReadFiles(_dataDirectory, "single-bucket")),
            f => DeliveryHarness.EventIds(f).ToHashSet().IsSupersetOf(after),
            TimeSpan.FromSeconds(20),
            "the trail still logging delivered the later records");
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // one more interval for the stopped trail to misbehave in
        DeliveryHarness.EventIds(DeliveryHarness.ReadFiles(_dataDirectory)).ShouldNotContain(id => after.Contains(id), "a stopped trail delivered");
    }

    [Fact]
    public async Task StartStopCycles_WithoutPauses_DeliverEachSessionExactly()
    {
        // Sessions come from the trail's own StartLogging/StopLogging records in the journal, so
        // sessions far shorter than a delivery pass are delivered exactly (docs/dev/delivery.md).
        var app = await DeliveryHarness.StartInProcessAsync(_dataDirectory, TimeSpan.FromSeconds(1));
        await using var server = app;
        using var client = DeliveryHarness.Client(new Uri(app.Urls.First()));
        (await client.CallAsync("CreateTrail", $$"""{"Name":"cycle","S3BucketName":"{{DeliveryHarness.Bucket}}"}""")).IsSuccess.ShouldBeTrue();
        var logged = new List<string>();
        var skipped = new List<string>();
        for (var cycle = 0; cycle < 5; cycle++)
        {
            var outside = DeliveryHarness.NewIds(3).ToList();
            await DeliveryHarness.PutManagementAsync(client, outside);
            skipped.AddRange(outside);
            (await client.CallAsync("StartLogging", """{"Name":"cycle"}""")).IsSuccess.ShouldBeTrue();
            var inside = DeliveryHarness.NewIds(4).ToList();
            await DeliveryHarness.PutManagementAsync(client, inside);
            logged.AddRange(inside);
            (await client.CallAsync("StopLogging", """{"Name":"arn:aws:cloudtrail:us-east-1:111122223333:trail/cycle"}""")).IsSuccess.ShouldBeTrue();
        }

        var after = DeliveryHarness.NewIds(3).ToList();
        await DeliveryHarness.PutManagementAsync(client, after);
        skipped.AddRange(after);

        var files = await Eventually.WaitAsync(
            () => Task.FromResult(DeliveryHarness.ReadFiles(_dataDirectory)),
            f => DeliveryHarness.EventIds(f).ToHashSet().IsSupersetOf(logged),
            TimeSpan.FromSeconds(20),
            "every logging session delivered");
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // one more interval for a stopped trail to misbehave in
        files = DeliveryHarness.ReadFiles(_dataDirectory);
        var ids = DeliveryHarness.EventIds(files).ToList();
        ids.Count.ShouldBe(ids.Distinct().Count(), "a record was delivered twice");
        ids.ShouldNotContain(id => skipped.Contains(id), "a record put while the trail was stopped was delivered");
        var names = files.SelectMany(f => f.Records)
            .Where(r => r.GetProperty("eventName").GetString() != "Marker")
            .Select(r => r.GetProperty("eventName").GetString())
            .ToList();
        names.Count(n => n == "StartLogging").ShouldBe(5);
        names.Count(n => n == "StopLogging").ShouldBe(5, "each session ends with the StopLogging call that ended it");
        names.ShouldNotContain("CreateTrail", "CreateTrail came before the first StartLogging");
    }

    [Fact]
    public async Task CleanShutdown_DeliversPendingRecords()
    {
        var ids = DeliveryHarness.NewIds(30).ToList();
        var app = await DeliveryHarness.StartInProcessAsync(_dataDirectory, TimeSpan.FromHours(1));
        await using (app)
        {
            using var client = DeliveryHarness.Client(new Uri(app.Urls.First()));
            (await client.CallAsync("CreateTrail", $$"""{"Name":"flush","S3BucketName":"{{DeliveryHarness.Bucket}}"}""")).IsSuccess.ShouldBeTrue();
            (await client.CallAsync("StartLogging", """{"Name":"flush"}""")).IsSuccess.ShouldBeTrue();
            await DeliveryHarness.PutManagementAsync(client, ids);
            await Task.Delay(300);
            DeliveryHarness.ReadFiles(_dataDirectory).ShouldBeEmpty("the interval is an hour: nothing is due yet");
            await app.StopAsync();
        }

        var delivered = DeliveryHarness.EventIds(DeliveryHarness.ReadFiles(_dataDirectory)).ToList();
        delivered.ShouldBeSubsetOf(delivered.Distinct());
        ids.ShouldBeSubsetOf(delivered);
        delivered.Count.ShouldBe(delivered.Distinct().Count());
    }

    [Fact]
    public async Task KilledWhileRecordsFlow_EveryAcknowledgedRecordIsDeliveredExactlyOnce()
    {
        var acknowledged = new ConcurrentBag<string>();
        var arn = $"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:trail/killed";
        for (var round = 0; round < 2; round++)
        {
            using var process = DeliveryHarness.StartProcess(_dataDirectory, "1s", out var endpoint);
            try
            {
                await DeliveryHarness.WaitHealthyAsync(endpoint);
                using var client = DeliveryHarness.Client(endpoint);
                if (round == 0)
                {
                    (await client.CallAsync("CreateTrail", $$"""{"Name":"killed","S3BucketName":"{{DeliveryHarness.Bucket}}"}""")).IsSuccess.ShouldBeTrue();
                    (await client.CallAsync("StartLogging", $$"""{"Name":"{{arn}}"}""")).IsSuccess.ShouldBeTrue();
                }

                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        var batch = DeliveryHarness.NewIds(20).ToList();
                        try
                        {
                            await DeliveryHarness.PutManagementAsync(client, batch, ct: stop.Token);
                            batch.ForEach(acknowledged.Add);
                        }
                        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or Shouldly.ShouldAssertException)
                        {
                            return;
                        }
                    }
                })).ToArray();

                // Let several files go out, then kill in the middle of the flow.
                var target = acknowledged.Count + 2000;
                await Eventually.WaitAsync(() => Task.FromResult(acknowledged.Count), c => c >= target, TimeSpan.FromSeconds(30), "writers made progress");
                await Task.Delay(1200 + (round * 300));
                process.Kill();
                await process.WaitForExitAsync();
                await stop.CancelAsync();
                await Task.WhenAll(writers);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }
            }
        }

        using var restarted = DeliveryHarness.StartProcess(_dataDirectory, "1s", out var restartedEndpoint);
        try
        {
            await DeliveryHarness.WaitHealthyAsync(restartedEndpoint);
            var expected = acknowledged.ToHashSet();
            var files = await Eventually.WaitAsync(
                () => Task.FromResult(DeliveryHarness.ReadFiles(_dataDirectory)),
                f => DeliveryHarness.EventIds(f).ToHashSet().IsSupersetOf(expected),
                TimeSpan.FromSeconds(30),
                "every acknowledged record is delivered after the restart");
            var ids = DeliveryHarness.EventIds(files).ToList();
            var duplicates = ids.Count - ids.Distinct().Count();
            duplicates.ShouldBe(0, $"{duplicates} records were delivered twice across {files.Count} files");
            expected.Count.ShouldBeGreaterThanOrEqualTo(4000);
        }
        finally
        {
            restarted.Kill();
            await restarted.WaitForExitAsync();
        }
    }
}
