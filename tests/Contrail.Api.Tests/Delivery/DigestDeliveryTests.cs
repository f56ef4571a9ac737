using System.Collections.Concurrent;
using Contrail.Api.Delivery;
using Contrail.Api.Tests.Support;
using Contrail.Delivery.Digests;
using Microsoft.Extensions.DependencyInjection;

namespace Contrail.Api.Tests.Delivery;

/// <summary>
/// Digest files (spec §2): every log file of a validating trail is listed by exactly one signed
/// digest; each digest names the one before it; a stop ends the chain with a final digest and a
/// start begins a new one; a restart or a kill neither forks nor restarts the chain.
/// </summary>
public sealed class DigestDeliveryTests : IDisposable
{
    private static readonly TimeSpan DigestEvery = TimeSpan.FromSeconds(2);

    private readonly string _dataDirectory = TempDirectory.Create("digests");

    public void Dispose() => TempDirectory.Delete(_dataDirectory);

    [Fact]
    public async Task ValidatingTrail_EveryLogFileInExactlyOneDigest_ChainLinked_FinalDigestAtStop_NewChainAtStart()
    {
        var app = await DeliveryHarness.StartInProcessAsync(_dataDirectory, TimeSpan.FromSeconds(1), digestInterval: DigestEvery);
        await using var server = app;
        var endpoint = new Uri(app.Urls.First());
        using var client = DeliveryHarness.Client(endpoint);
        await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", "signed", "--s3-bucket-name", DeliveryHarness.Bucket);
        await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "signed");
        for (var i = 0; i < 3; i++)
        {
            await DeliveryHarness.PutManagementAsync(client, DeliveryHarness.NewIds(5));
            await DeliveryHarness.PutManagementAsync(client, DeliveryHarness.NewIds(3), "eu-west-1");
            await Task.Delay(TimeSpan.FromSeconds(1.2));
        }

        await Eventually.WaitAsync(() => DigestChains.ReadAsync(_dataDirectory, DeliveryHarness.Bucket), d => d.Count(x => x.Region == "us-east-1") >= 3,
            TimeSpan.FromSeconds(20), "three home-region digests");
        await DeliveryHarness.CliOkAsync(endpoint, "stop-logging", "--name", "signed");

        // The final digest lists the file that holds the StopLogging record: then every file is listed.
        var digests = await Eventually.WaitAsync(() => DigestChains.ReadAsync(_dataDirectory, DeliveryHarness.Bucket),
            d => DigestChains.ListsEveryFileUpToStop(d, DeliveryHarness.ReadFiles(_dataDirectory)),
            TimeSpan.FromSeconds(20), "every delivered log file is listed by a digest");
        var files = DeliveryHarness.ReadFiles(_dataDirectory);
        files.SelectMany(f => f.Records).ShouldContain(r => r.GetProperty("eventName").GetString() == "StopLogging");
        digests.SelectMany(d => d.LogFileKeys).Count().ShouldBe(files.Count, "a log file is listed once");
        files.Select(f => f.Region).Distinct().Order().ShouldBe(["eu-west-1", "us-east-1"]);

        var keys = app.Services.GetRequiredService<SigningKeyRing>().Between(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));
        foreach (var region in new[] { "us-east-1", "eu-west-1" })
        {
            var chain = digests.Where(d => d.Region == region).ToList();
            (await DigestChains.VerifyAsync(chain, _dataDirectory, DeliveryHarness.Bucket, "signed", keys)).ShouldBe(1, $"one chain in {region}");
        }

        // Stopped: no more digests. Started again: a new chain whose first digest has null previous members.
        var stoppedCount = digests.Count;
        await Task.Delay(DigestEvery * 2);
        (await DigestChains.ReadAsync(_dataDirectory, DeliveryHarness.Bucket)).Count.ShouldBe(stoppedCount, "a stopped trail delivers no digests");
        await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "signed");
        await DeliveryHarness.PutManagementAsync(client, DeliveryHarness.NewIds(2));
        var restarted = await Eventually.WaitAsync(() => DigestChains.ReadAsync(_dataDirectory, DeliveryHarness.Bucket),
            d => d.Count(x => x.Region == "us-east-1") >= digests.Count(x => x.Region == "us-east-1") + 2,
            TimeSpan.FromSeconds(20), "the restarted trail delivers digests again");
        var home = restarted.Where(d => d.Region == "us-east-1").ToList();
        keys = app.Services.GetRequiredService<SigningKeyRing>().Between(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));
        (await DigestChains.VerifyAsync(home, _dataDirectory, DeliveryHarness.Bucket, "signed", keys)).ShouldBe(2, "StartLogging starts a second chain");

        var status = await DeliveryHarness.AwsAsync(endpoint, "get-trail-status", "--name", "signed");
        status.Stdout.ShouldContain("LatestDigestDeliveryTime");
        status.Stdout.ShouldNotContain("LatestDigestDeliveryError");
    }

    [Fact]
    public async Task DeletedTrail_WhatItLoggedIsDelivered_ThenAFinalDigestListsEveryFile()
    {
        var app = await DeliveryHarness.StartInProcessAsync(_dataDirectory, TimeSpan.FromSeconds(30), digestInterval: DigestEvery);
        await using var server = app;
        var endpoint = new Uri(app.Urls.First());
        using var client = DeliveryHarness.Client(endpoint);
        await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", "doomed", "--s3-bucket-name", DeliveryHarness.Bucket);
        await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "doomed");
        await Eventually.WaitAsync(() => DigestChains.ReadAsync(_dataDirectory, DeliveryHarness.Bucket), d => d.Count >= 2,
            TimeSpan.FromSeconds(20), "empty hourly digests while nothing is delivered");

        // Files are cut every 30 s: these records are still pending when the trail is deleted.
        var ids = DeliveryHarness.NewIds(7).ToList();
        await DeliveryHarness.PutManagementAsync(client, ids);
        await DeliveryHarness.CliOkAsync(endpoint, "delete-trail", "--name", "doomed");
        var digests = await Eventually.WaitAsync(() => DigestChains.ReadAsync(_dataDirectory, DeliveryHarness.Bucket),
            d => DeliveryHarness.ReadFiles(_dataDirectory) is { Count: > 0 } files
                && DeliveryHarness.EventIds(files).ToHashSet().IsSupersetOf(ids)
                && files.Select(f => f.Key).ToHashSet().SetEquals(d.SelectMany(x => x.LogFileKeys)),
            TimeSpan.FromSeconds(20), "the deleted trail's records are delivered and listed by a final digest");

        var ring = app.Services.GetRequiredService<SigningKeyRing>();
        (await DigestChains.VerifyAsync(digests, _dataDirectory, DeliveryHarness.Bucket, "doomed", ring.Between(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1))))
            .ShouldBe(1);
        await Task.Delay(DigestEvery * 2);
        (await DigestChains.ReadAsync(_dataDirectory, DeliveryHarness.Bucket)).Count.ShouldBe(digests.Count, "nothing after the final digest");
        File.Exists(DeliveryState.PathOf(_dataDirectory, "doomed")).ShouldBeFalse();
    }

    [Fact]
    public async Task TrailWithoutValidation_DeliversNoDigests()
    {
        var app = await DeliveryHarness.StartInProcessAsync(_dataDirectory, TimeSpan.FromSeconds(1), digestInterval: TimeSpan.FromSeconds(1));
        await using var server = app;
        var endpoint = new Uri(app.Urls.First());
        using var client = DeliveryHarness.Client(endpoint);
        await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", "unsigned", "--s3-bucket-name", DeliveryHarness.Bucket, "--no-enable-log-file-validation");
        await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "unsigned");
        var ids = DeliveryHarness.NewIds(4).ToList();
        await DeliveryHarness.PutManagementAsync(client, ids);
        await Eventually.WaitAsync(() => Task.FromResult(DeliveryHarness.ReadFiles(_dataDirectory)), f => DeliveryHarness.EventIds(f).ToHashSet().IsSupersetOf(ids),
            TimeSpan.FromSeconds(20), "the log files are delivered");
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        (await DigestChains.ReadAsync(_dataDirectory, DeliveryHarness.Bucket)).ShouldBeEmpty();

        // Turning validation on starts a chain.
        await DeliveryHarness.CliOkAsync(endpoint, "update-trail", "--name", "unsigned", "--enable-log-file-validation");
        await DeliveryHarness.PutManagementAsync(client, DeliveryHarness.NewIds(2));
        var digests = await Eventually.WaitAsync(() => DigestChains.ReadAsync(_dataDirectory, DeliveryHarness.Bucket), d => d.Count >= 2,
            TimeSpan.FromSeconds(20), "digests once validation is on");
        digests[0].Previous.ShouldBeNull();
        digests[1].Previous.ShouldBe(digests[0].Key);
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("corrupt")]
    public async Task LostStateFile_TheChainContinuesFromTheLastDigestReadBackFromTheBucket(string loss)
    {
        var keysSeen = new List<PublicKeyInfo>();
        var app = await DeliveryHarness.StartInProcessAsync(_dataDirectory, TimeSpan.FromSeconds(1), digestInterval: DigestEvery);
        await using (app)
        {
            var endpoint = new Uri(app.Urls.First());
            using var client = DeliveryHarness.Client(endpoint);
            await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", "amnesiac", "--s3-bucket-name", DeliveryHarness.Bucket);
            await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "amnesiac");
            await DeliveryHarness.PutManagementAsync(client, DeliveryHarness.NewIds(5));
            await Eventually.WaitAsync(() => DigestChains.ReadAsync(_dataDirectory, DeliveryHarness.Bucket), d => d.Count >= 2,
                TimeSpan.FromSeconds(20), "two digests before the state is lost");
        }

        var before = await DigestChains.ReadAsync(_dataDirectory, DeliveryHarness.Bucket);
        var state = DeliveryState.PathOf(_dataDirectory, "amnesiac");
        if (loss == "deleted")
        {
            File.Delete(state);
        }
        else
        {
            await File.WriteAllTextAsync(state, "{\"Delivered\":12,");
        }

        app = await DeliveryHarness.StartInProcessAsync(_dataDirectory, TimeSpan.FromSeconds(1), digestInterval: DigestEvery);
        await using (app)
        {
            var endpoint = new Uri(app.Urls.First());
            using var client = DeliveryHarness.Client(endpoint);
            await DeliveryHarness.PutManagementAsync(client, DeliveryHarness.NewIds(5));
            await Eventually.WaitAsync(() => DigestChains.ReadAsync(_dataDirectory, DeliveryHarness.Bucket), d => d.Count >= before.Count + 2,
                TimeSpan.FromSeconds(20), "digests after the restart");
            await DeliveryHarness.CliOkAsync(endpoint, "stop-logging", "--name", "amnesiac");
            await Eventually.WaitAsync(() => DigestChains.ReadAsync(_dataDirectory, DeliveryHarness.Bucket),
                d => DigestChains.ListsEveryFileUpToStop(d, DeliveryHarness.ReadFiles(_dataDirectory)),
                TimeSpan.FromSeconds(30), "the final digest");
        }

        var digests = await DigestChains.ReadAsync(_dataDirectory, DeliveryHarness.Bucket);
        var resumed = digests[before.Count];
        resumed.Previous.ShouldBe(before[^1].Key, "the first digest after the restart names the last one before it");
        using var ring = SigningKeyRing.Open(Path.Combine(_dataDirectory, "keys"), TimeProvider.System, SigningKeyRing.DefaultRotation);
        keysSeen.AddRange(ring.Between(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1)));
        (await DigestChains.VerifyAsync(digests, _dataDirectory, DeliveryHarness.Bucket, "amnesiac", keysSeen))
            .ShouldBe(1, "a lost state file neither forks nor restarts the chain");
    }

    [Fact]
    public async Task RestartAndKill_TheChainContinues_NoForkNoRestart_EveryFileListedOnce()
    {
        var arn = $"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:trail/durable";
        string[] digestArgs = ["--digest-interval", "1s"];
        var acknowledged = new ConcurrentBag<string>();
        for (var round = 0; round < 3; round++)
        {
            using var process = DeliveryHarness.StartProcess(_dataDirectory, "1s", out var endpoint, digestArgs);
            try
            {
                await DeliveryHarness.WaitHealthyAsync(endpoint);
                using var client = DeliveryHarness.Client(endpoint);
                if (round == 0)
                {
                    (await client.CallAsync("CreateTrail", $$"""{"Name":"durable","S3BucketName":"{{DeliveryHarness.Bucket}}"}""")).IsSuccess.ShouldBeTrue();
                    (await client.CallAsync("StartLogging", $$"""{"Name":"{{arn}}"}""")).IsSuccess.ShouldBeTrue();
                }

                var before = (await DigestChains.ReadAsync(_dataDirectory, DeliveryHarness.Bucket)).Count;
                using var stop = new CancellationTokenSource();
                var writer = Task.Run(async () =>
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
                });

                await Eventually.WaitAsync(() => DigestChains.ReadAsync(_dataDirectory, DeliveryHarness.Bucket), d => d.Count >= before + 2,
                    TimeSpan.FromSeconds(30), "digests while records flow");
                if (round == 1)
                {
                    // A clean stop (SIGTERM) in the second round; kills in the others.
                    using var term = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                    await term.WaitForExitAsync();
                }
                else
                {
                    await Task.Delay(300 * (round + 1));
                    process.Kill();
                }

                await process.WaitForExitAsync();
                await stop.CancelAsync();
                await writer;
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }
            }
        }

        using var last = DeliveryHarness.StartProcess(_dataDirectory, "1s", out var lastEndpoint, digestArgs);
        try
        {
            await DeliveryHarness.WaitHealthyAsync(lastEndpoint);
            using var client = DeliveryHarness.Client(lastEndpoint);
            (await client.CallAsync("StopLogging", $$"""{"Name":"{{arn}}"}""")).IsSuccess.ShouldBeTrue();
            await Eventually.WaitAsync(() => DigestChains.ReadAsync(_dataDirectory, DeliveryHarness.Bucket),
                d => DigestChains.ListsEveryFileUpToStop(d, DeliveryHarness.ReadFiles(_dataDirectory)),
                TimeSpan.FromSeconds(30), "every log file is listed once the trail stopped");
        }
        finally
        {
            last.Kill();
            await last.WaitForExitAsync();
        }

        var digests = await DigestChains.ReadAsync(_dataDirectory, DeliveryHarness.Bucket);
        var files = DeliveryHarness.ReadFiles(_dataDirectory);
        DeliveryHarness.EventIds(files).ToHashSet().IsSupersetOf(acknowledged).ShouldBeTrue("every acknowledged record is delivered");
        digests.SelectMany(d => d.LogFileKeys).Count().ShouldBe(files.Count, "no log file is listed twice");
        using var ring = SigningKeyRing.Open(Path.Combine(_dataDirectory, "keys"), TimeProvider.System, SigningKeyRing.DefaultRotation);
        var keys = ring.Between(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));
        (await DigestChains.VerifyAsync(digests, _dataDirectory, DeliveryHarness.Bucket, "durable", keys))
            .ShouldBe(1, "kills and restarts neither fork nor restart the chain");
        DeliveryState.Load(_dataDirectory, "durable")!.Digests!.Values.ShouldAllBe(c => c.Idle);
    }
}
