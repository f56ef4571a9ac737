using System.Text.Json;
using Contrail.Api.Delivery;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.Delivery;

/// <summary>
/// DESIGN.md: a retried delivery rewrites the same object. The state file says which range is in
/// flight and with which delivery time; a restart with a range in flight puts the same keys and bytes.
/// A bucket that cannot be written shows as LatestDeliveryError and is retried without loss.
/// </summary>
public sealed class DeliveryRetryTests : IDisposable
{
    private readonly string _dataDirectory = TempDirectory.Create("delivery-retry");

    public void Dispose() => TempDirectory.Delete(_dataDirectory);

    [Fact]
    public async Task RestartWithRangeInFlight_RewritesTheSameKeysWithTheSameBytes()
    {
        var ids = DeliveryHarness.NewIds(40).ToList();
        var app = await DeliveryHarness.StartInProcessAsync(_dataDirectory, TimeSpan.FromHours(1));
        await using (app)
        {
            using var client = DeliveryHarness.Client(new Uri(app.Urls.First()));
            (await client.CallAsync("CreateTrail", $$"""{"Name":"retry","S3BucketName":"{{DeliveryHarness.Bucket}}"}""")).IsSuccess.ShouldBeTrue();
            (await client.CallAsync("StartLogging", """{"Name":"retry"}""")).IsSuccess.ShouldBeTrue();
            await DeliveryHarness.PutManagementAsync(client, ids.Take(20));
            await DeliveryHarness.PutManagementAsync(client, ids.Skip(20), "eu-west-1");
            await app.StopAsync();
        }

        var bucket = Path.Combine(_dataDirectory, "buckets", DeliveryHarness.Bucket);
        var firstBytes = Snapshot(bucket);
        firstBytes.Count.ShouldBe(2, "one file per region");
        var delivered = DeliveryState.Load(_dataDirectory, "retry")!;
        delivered.InFlightEnd.ShouldBeNull();

        // As if the process died after the puts and before the position was saved (the trail was
        // not logging yet where delivery began: at its CreateTrail record).
        var inFlight = delivered with { Delivered = delivered.JournalStart, Logging = false, InFlightEnd = delivered.Delivered, InFlightDeliveryTime = delivered.LatestDeliveryTime };
        inFlight.Save(_dataDirectory, "retry");
        foreach (var file in Directory.EnumerateFiles(bucket, "*", SearchOption.AllDirectories))
        {
            File.Delete(file);
        }

        app = await DeliveryHarness.StartInProcessAsync(_dataDirectory, TimeSpan.FromHours(1));
        await using (app)
        {
            await Eventually.WaitAsync(() => Task.FromResult(Snapshot(bucket).Count), c => c == 2, TimeSpan.FromSeconds(10), "the in-flight range was delivered again");
            await app.StopAsync();
        }

        var secondBytes = Snapshot(bucket);
        secondBytes.Keys.ShouldBe(firstBytes.Keys, ignoreOrder: true);
        foreach (var (key, bytes) in firstBytes)
        {
            secondBytes[key].ShouldBe(bytes, $"{key} differs on retry");
        }

        DeliveryState.Load(_dataDirectory, "retry")!.InFlightEnd.ShouldBeNull();
    }

    [Fact]
    public async Task UnwritableBucket_ShowsLatestDeliveryError_ThenDeliversEverythingOnce()
    {
        var app = await DeliveryHarness.StartInProcessAsync(_dataDirectory, TimeSpan.FromSeconds(1));
        await using var server = app;
        var endpoint = new Uri(app.Urls.First());
        using var client = DeliveryHarness.Client(endpoint);
        var blocker = Path.Combine(_dataDirectory, "buckets", DeliveryHarness.Bucket);
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        await File.WriteAllTextAsync(blocker, "a file where the bucket's directory should be");
        await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", "outage", "--s3-bucket-name", DeliveryHarness.Bucket);
        await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "outage");
        var ids = DeliveryHarness.NewIds(10).ToList();
        await DeliveryHarness.PutManagementAsync(client, ids);

        var failed = await Eventually.WaitAsync(
            async () => JsonDocument.Parse((await DeliveryHarness.AwsAsync(endpoint, "get-trail-status", "--name", "outage")).Stdout).RootElement,
            s => s.TryGetProperty("LatestDeliveryError", out _),
            TimeSpan.FromSeconds(15),
            "the failed put shows in GetTrailStatus");
        failed.GetProperty("LatestDeliveryError").GetString().ShouldBe("AccessDenied");
        failed.GetProperty("LatestDeliveryAttemptTime").GetString().ShouldNotBeNullOrEmpty();
        failed.GetProperty("LatestDeliveryAttemptSucceeded").GetString().ShouldBe("");
        failed.TryGetProperty("LatestDeliveryTime", out _).ShouldBeFalse();

        File.Delete(blocker);
        var more = DeliveryHarness.NewIds(10).ToList();
        await DeliveryHarness.PutManagementAsync(client, more);
        var files = await Eventually.WaitAsync(
            () => Task.FromResult(DeliveryHarness.ReadFiles(_dataDirectory)),
            f => DeliveryHarness.EventIds(f).ToHashSet().IsSupersetOf(ids.Concat(more)),
            TimeSpan.FromSeconds(20),
            "everything is delivered once the bucket is writable");
        var delivered = DeliveryHarness.EventIds(files).ToList();
        delivered.Count.ShouldBe(delivered.Distinct().Count());

        var recovered = await Eventually.WaitAsync(
            async () => JsonDocument.Parse((await DeliveryHarness.AwsAsync(endpoint, "get-trail-status", "--name", "outage")).Stdout).RootElement,
            s => !s.TryGetProperty("LatestDeliveryError", out _),
            TimeSpan.FromSeconds(15),
            "the error clears after a successful delivery");
        recovered.TryGetProperty("LatestDeliveryTime", out _).ShouldBeTrue();
    }

    private static Dictionary<string, byte[]> Snapshot(string bucket) =>
        Directory.Exists(bucket)
            ? Directory.EnumerateFiles(bucket, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith(".tmp-", StringComparison.Ordinal))
                .ToDictionary(f => Path.GetRelativePath(bucket, f), File.ReadAllBytes, StringComparer.Ordinal)
            : [];
}
