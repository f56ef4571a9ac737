using System.Globalization;
using System.IO.Compression;
using System.Text;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.Delivery;

/// <summary>
/// The real <c>aws cloudtrail validate-logs</c> (CLI v1 of this machine image) against a trail on the
/// embedded default: DescribeTrails and ListPublicKeys over the CloudTrail API, the digests and log
/// files over the read-only S3 subset on the same endpoint (<c>AWS_ENDPOINT_URL_S3</c>), spec §3.
/// Valid first; then a changed log file and a deleted digest, reported as AWS reports them.
/// </summary>
public sealed class ValidateLogsAwsCliTests : IDisposable
{
    private readonly string _dataDirectory = TempDirectory.Create("validate-cli");

    public void Dispose() => TempDirectory.Delete(_dataDirectory);

    [Fact]
    public async Task AwsCliValidateLogs_ValidChain_ThenChangedLogFile_ThenDeletedDigest()
    {
        var started = DateTimeOffset.UtcNow.AddMinutes(-1);
        var app = await DeliveryHarness.StartInProcessAsync(_dataDirectory, TimeSpan.FromSeconds(1), digestInterval: TimeSpan.FromSeconds(2));
        await using var server = app;
        var endpoint = new Uri(app.Urls.First());
        using var client = DeliveryHarness.Client(endpoint);
        var (digests, files) = await DigestChains.LogThenStopAsync(endpoint, client, _dataDirectory, "checked");
        digests.Count.ShouldBeGreaterThanOrEqualTo(3);
        files.Count.ShouldBeGreaterThanOrEqualTo(3);

        var valid = await ValidateAsync(endpoint, started);
        valid.ExitCode.ShouldBe(0, valid.Stdout + valid.Stderr);
        valid.Stdout.ShouldContain($"{digests.Count}/{digests.Count} digest files valid");
        valid.Stdout.ShouldContain($"{files.Count}/{files.Count} log files valid");
        foreach (var digest in digests)
        {
            valid.Stdout.ShouldContain($"Digest file\ts3://{DeliveryHarness.Bucket}/{digest.Key}\tvalid");
        }

        foreach (var file in files)
        {
            valid.Stdout.ShouldContain($"Log file\ts3://{DeliveryHarness.Bucket}/{file.Key}\tvalid");
        }

        valid.Stderr.ShouldNotContain("INVALID");

        // A log file changed after delivery, still valid gzip and JSON.
        var changed = files[files.Count / 2];
        var path = Path.Combine(_dataDirectory, "buckets", DeliveryHarness.Bucket, changed.Key);
        var text = Encoding.UTF8.GetString(DigestChains.Gunzip(await File.ReadAllBytesAsync(path)));
        using (var output = File.Create(path))
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            // One record's eventName rewritten (a file may hold none of the test's own events: then a space is added).
            var edited = text.Contains("\"Marker\"", StringComparison.Ordinal) ? text.Replace("\"Marker\"", "\"Marked\"", StringComparison.Ordinal) : text.Insert(text.Length - 2, " ");
            gzip.Write(Encoding.UTF8.GetBytes(edited));
        }

        var tampered = await ValidateAsync(endpoint, started);
        tampered.ExitCode.ShouldBe(1, tampered.Stdout + tampered.Stderr);
        tampered.Stderr.ShouldContain($"Log file\ts3://{DeliveryHarness.Bucket}/{changed.Key}\tINVALID: hash value doesn't match");
        tampered.Stdout.ShouldContain($"{files.Count - 1}/{files.Count} log files valid, 1/{files.Count} log files INVALID");

        // A digest in the middle of the chain deleted.
        var deleted = digests[digests.Count / 2];
        File.Delete(Path.Combine(_dataDirectory, "buckets", DeliveryHarness.Bucket, deleted.Key));
        var gone = await ValidateAsync(endpoint, started);
        gone.ExitCode.ShouldBe(1, gone.Stdout + gone.Stderr);
        gone.Stderr.ShouldContain($"Digest file\ts3://{DeliveryHarness.Bucket}/{deleted.Key}\tINVALID: not found");
        gone.Stdout.ShouldContain($"{digests.Count - 1}/{digests.Count} digest files valid, 1/{digests.Count} digest files INVALID");
    }

    private static Task<ProcessResult> ValidateAsync(Uri endpoint, DateTimeOffset start)
    {
        var environment = TestServer.ClientEnvironmentFor(endpoint);
        environment["AWS_ENDPOINT_URL_S3"] = endpoint.ToString().TrimEnd('/');
        return Processes.AwsAsync(environment,
        [
            "cloudtrail", "validate-logs", "--trail-arn", $"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:trail/checked",
            "--start-time", start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), "--verbose",
            "--endpoint-url", endpoint.ToString().TrimEnd('/'),
        ]);
    }
}
