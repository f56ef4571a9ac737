using System.Globalization;
using Contrail.Api.Tests.Delivery;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.Validate;

/// <summary>
/// Contrail's own delivery (log files and signed digests from the server in process) validated by
/// <c>contrail validate-logs</c> online (DescribeTrails and ListPublicKeys on the server, files from its data
/// directory) and by the real <c>aws cloudtrail validate-logs</c> (S3 through the server's read-only S3
/// subset): the same output, Contrail's own checks finding nothing on an intact trail; then a changed log
/// file and a deleted digest, still the same output.
/// </summary>
public sealed class ValidateLogsServerTests : IDisposable
{
    private readonly string _dataDirectory = TempDirectory.Create("validate-server");

    public void Dispose() => TempDirectory.Delete(_dataDirectory);

    [Fact]
    public async Task ValidateLogs_ContrailDeliveredTrail_SameOutputAsTheAwsCliAndNothingMore()
    {
        var started = DateTimeOffset.UtcNow.AddMinutes(-1);
        var app = await DeliveryHarness.StartInProcessAsync(_dataDirectory, TimeSpan.FromSeconds(1), digestInterval: TimeSpan.FromSeconds(2));
        await using var server = app;
        var endpoint = new Uri(app.Urls.First());
        using var client = DeliveryHarness.Client(endpoint);
        var (digests, files) = await DigestChains.LogThenStopAsync(endpoint, client, _dataDirectory, "checked");
        var range = (Start: Iso(started), End: Iso(DateTimeOffset.UtcNow.AddMinutes(1)));

        var (cli, ours) = await BothAsync(endpoint, range);

        cli.ExitCode.ShouldBe(0, cli.Stderr);
        cli.Stdout.ShouldContain($"\n{digests.Count}/{digests.Count} digest files valid\n{files.Count}/{files.Count} log files valid\n");
        ours.ShouldBe(cli);

        var changed = files[files.Count / 2];
        var path = Path.Combine(_dataDirectory, "buckets", DeliveryHarness.Bucket, changed.Key);
        await File.WriteAllBytesAsync(path, Contrail.Tests.Support.TestTrail.Gzip("""{"Records":[]}"""u8.ToArray()));
        File.Delete(Path.Combine(_dataDirectory, "buckets", DeliveryHarness.Bucket, digests[digests.Count / 2].Key));

        var (cliTampered, oursTampered) = await BothAsync(endpoint, range);

        cliTampered.ExitCode.ShouldBe(1, cliTampered.Stderr);
        cliTampered.Stderr.ShouldContain($"INVALID: not found");
        oursTampered.ShouldBe(cliTampered);
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private async Task<(CommandResult Cli, CommandResult Ours)> BothAsync(Uri endpoint, (string Start, string End) range)
    {
        var url = endpoint.ToString().TrimEnd('/');
        string[] common = ["--trail-arn", $"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:trail/checked", "--start-time", range.Start, "--end-time", range.End, "--verbose", "--endpoint-url", url];
        var environment = TestServer.ClientEnvironmentFor(endpoint);
        environment["AWS_ENDPOINT_URL_S3"] = url;
        var cli = await Processes.AwsAsync(environment, ["cloudtrail", "validate-logs", .. common]);
        var ours = await ValidateLogsHarness.RunAsync([.. common, "--data-dir", _dataDirectory], environment.ToDictionary(e => e.Key, e => (string?)e.Value));
        return (new CommandResult(cli.ExitCode, cli.Stdout, cli.Stderr), ours);
    }
}
