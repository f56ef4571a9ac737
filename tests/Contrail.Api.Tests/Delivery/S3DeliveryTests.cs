using System.Diagnostics;
using System.Text.Json;
using Contrail.Api.Tests.Support;
using Contrail.Tests.Support;

namespace Contrail.Api.Tests.Delivery;

/// <summary>
/// Delivery to an S3-compatible store end to end: <c>contrail serve --s3-endpoint</c> as its own process,
/// moto as the store, trails made with the real AWS CLI, files read back with boto3 (docs/dev/delivery.md).
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class S3DeliveryTests(MotoServer moto) : IDisposable
{
    private readonly string _dataDirectory = TempDirectory.Create("s3-delivery");

    public void Dispose() => TempDirectory.Delete(_dataDirectory);

    [Fact]
    public async Task ServeWithS3Endpoint_DeliversEveryRecordOnceInCloudTrailLayout_KmsTrailEncryptsWithItsKey()
    {
        var kmsBucket = await CreateBucketAsync("kms-trail");
        var plainBucket = await CreateBucketAsync("plain-trail");
        using var server = Serve(moto.Endpoint, out var endpoint);
        try
        {
            await DeliveryHarness.WaitHealthyAsync(endpoint);
            using var client = DeliveryHarness.Client(endpoint);
            var created = await DeliveryHarness.AwsAsync(endpoint, "create-trail", "--name", "encrypted", "--s3-bucket-name", kmsBucket, "--kms-key-id", "alias/contrail-logs");
            created.ExitCode.ShouldBe(0, created.Stderr);
            var kmsKeyId = JsonDocument.Parse(created.Stdout).RootElement.GetProperty("KmsKeyId").GetString();
            kmsKeyId.ShouldBe($"arn:aws:kms:{TestServer.Region}:{TestServer.AccountId}:alias/contrail-logs");
            await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", "plain", "--s3-bucket-name", plainBucket);
            await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "encrypted");
            await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "plain");

            var home = DeliveryHarness.NewIds(40).ToList();
            var europe = DeliveryHarness.NewIds(5).ToList();
            await DeliveryHarness.PutManagementAsync(client, home.Take(20));
            await DeliveryHarness.PutManagementAsync(client, europe, "eu-west-1");
            await DeliveryHarness.PutManagementAsync(client, home.Skip(20));
            var expected = home.Concat(europe).ToHashSet();

            foreach (var (bucket, encrypted) in new[] { (kmsBucket, true), (plainBucket, false) })
            {
                var objects = await Eventually.WaitAsync(
                    () => ReadBucketAsync(bucket),
                    o => DeliveryHarness.EventIds(o.Select(x => x.File)).ToHashSet().IsSupersetOf(expected),
                    TimeSpan.FromSeconds(30),
                    $"every record delivered to {bucket}");

                var ids = DeliveryHarness.EventIds(objects.Select(o => o.File)).ToList();
                ids.Count.ShouldBe(ids.Distinct().Count(), $"a record was delivered twice to {bucket}");
                objects.ShouldAllBe(o => o.SingleMember, "a log file is one gzip member");
                objects.Where(o => o.File.Region == "eu-west-1").SelectMany(o => o.File.Records).Select(r => r.GetProperty("eventID").GetString())
                    .ShouldBe(europe, ignoreOrder: true);
                if (encrypted)
                {
                    objects.ShouldAllBe(o => o.ServerSideEncryption == "aws:kms" && o.KmsKeyId == kmsKeyId);
                }
                else
                {
                    objects.ShouldAllBe(o => o.ServerSideEncryption != "aws:kms" && o.KmsKeyId == null);
                }
            }

            var status = JsonDocument.Parse((await DeliveryHarness.AwsAsync(endpoint, "get-trail-status", "--name", "encrypted")).Stdout).RootElement;
            status.TryGetProperty("LatestDeliveryTime", out _).ShouldBeTrue(status.ToString());
            status.TryGetProperty("LatestDeliveryError", out _).ShouldBeFalse(status.ToString());
        }
        finally
        {
            await StopAsync(server);
        }
    }

    [Fact]
    public async Task BucketMissing_ShowsNoSuchBucket_ThenDeliversEverythingOnceAfterItIsCreated()
    {
        var bucket = $"late-bucket-{Guid.NewGuid():N}"[..24];
        using var server = Serve(moto.Endpoint, out var endpoint);
        try
        {
            await DeliveryHarness.WaitHealthyAsync(endpoint);
            using var client = DeliveryHarness.Client(endpoint);
            await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", "late", "--s3-bucket-name", bucket);
            await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "late");
            var ids = DeliveryHarness.NewIds(15).ToList();
            await DeliveryHarness.PutManagementAsync(client, ids);

            var failed = await WaitStatusAsync(endpoint, "late", s => s.TryGetProperty("LatestDeliveryError", out _), "the failed put shows in GetTrailStatus");
            failed.GetProperty("LatestDeliveryError").GetString().ShouldBe("NoSuchBucket");
            failed.GetProperty("LatestDeliveryAttemptTime").GetString().ShouldNotBeNullOrEmpty();
            failed.GetProperty("LatestDeliveryAttemptSucceeded").GetString().ShouldBe("");
            failed.TryGetProperty("LatestDeliveryTime", out _).ShouldBeFalse();
            (await ReadBucketAsync(bucket)).ShouldBeEmpty();

            await CreateBucketAsync(bucket, exact: true);
            var more = DeliveryHarness.NewIds(15).ToList();
            await DeliveryHarness.PutManagementAsync(client, more);
            var objects = await Eventually.WaitAsync(
                () => ReadBucketAsync(bucket),
                o => DeliveryHarness.EventIds(o.Select(x => x.File)).ToHashSet().IsSupersetOf(ids.Concat(more)),
                TimeSpan.FromSeconds(30),
                "everything is delivered once the bucket exists");
            var delivered = DeliveryHarness.EventIds(objects.Select(o => o.File)).ToList();
            delivered.Count.ShouldBe(delivered.Distinct().Count(), "a record was delivered twice");

            var recovered = await WaitStatusAsync(endpoint, "late", s => !s.TryGetProperty("LatestDeliveryError", out _), "the error clears after a successful delivery");
            recovered.TryGetProperty("LatestDeliveryTime", out _).ShouldBeTrue();
        }
        finally
        {
            await StopAsync(server);
        }
    }

    [Fact]
    public async Task StoreUnreachable_ShowsServiceUnavailable_NeverALocalPath()
    {
        using var server = Serve(UnusedLoopbackUrl(), out var endpoint);
        try
        {
            await DeliveryHarness.WaitHealthyAsync(endpoint);
            using var client = DeliveryHarness.Client(endpoint);
            await DeliveryHarness.CliOkAsync(endpoint, "create-trail", "--name", "nowhere", "--s3-bucket-name", "nowhere-bucket");
            await DeliveryHarness.CliOkAsync(endpoint, "start-logging", "--name", "nowhere");
            await DeliveryHarness.PutManagementAsync(client, DeliveryHarness.NewIds(3));

            var failed = await WaitStatusAsync(endpoint, "nowhere", s => s.TryGetProperty("LatestDeliveryError", out _), "the failed put shows in GetTrailStatus");
            failed.GetProperty("LatestDeliveryError").GetString().ShouldBe("ServiceUnavailable");
        }
        finally
        {
            await StopAsync(server);
        }
    }

    private Process Serve(string s3Endpoint, out Uri endpoint) =>
        DeliveryHarness.StartProcess(_dataDirectory, "1s", out endpoint, ["--s3-endpoint", s3Endpoint], moto.Environment());

    private async Task<string> CreateBucketAsync(string name, bool exact = false)
    {
        var bucket = exact ? name : $"{name}-{Guid.NewGuid():N}"[..(name.Length + 13)];
        var result = await Processes.AwsAsync(moto.Environment(), "s3api", "create-bucket", "--bucket", bucket, "--endpoint-url", moto.Endpoint);
        result.ExitCode.ShouldBe(0, result.Stderr);
        return bucket;
    }

    /// <summary>Every object of the bucket, read with boto3 (empty while the bucket does not exist).</summary>
    private async Task<IReadOnlyList<S3Object>> ReadBucketAsync(string bucket)
    {
        var result = await Processes.PythonAsync(moto.Environment(), "s3_objects.py", bucket);
        result.ExitCode.ShouldBe(0, result.Stderr);
        var objects = new List<S3Object>();
        foreach (var item in JsonDocument.Parse(result.Stdout).RootElement.GetProperty("objects").EnumerateArray())
        {
            var body = Convert.FromBase64String(item.GetProperty("Body").GetString()!);
            item.GetProperty("ContentLength").GetInt64().ShouldBe(body.Length);
            objects.Add(new S3Object(
                DeliveryHarness.ParseFile(item.GetProperty("Key").GetString()!, body),
                item.GetProperty("ServerSideEncryption").GetString(),
                item.GetProperty("SSEKMSKeyId").GetString(),
                item.GetProperty("SingleMember").GetBoolean()));
        }

        return objects;
    }

    private static Task<JsonElement> WaitStatusAsync(Uri endpoint, string trail, Func<JsonElement, bool> done, string what) =>
        Eventually.WaitAsync(
            async () => JsonDocument.Parse((await DeliveryHarness.AwsAsync(endpoint, "get-trail-status", "--name", trail)).Stdout).RootElement,
            done,
            TimeSpan.FromSeconds(30),
            what);

    private static string UnusedLoopbackUrl()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return $"http://127.0.0.1:{((System.Net.IPEndPoint)probe.LocalEndpoint).Port}";
    }

    private static async Task StopAsync(Process server)
    {
        if (!server.HasExited)
        {
            server.Kill();
        }

        await server.WaitForExitAsync();
    }

    private sealed record S3Object(DeliveredFile File, string? ServerSideEncryption, string? KmsKeyId, bool SingleMember);
}
