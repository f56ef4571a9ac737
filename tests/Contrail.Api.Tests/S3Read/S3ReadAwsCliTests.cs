using System.Text;
using System.Text.Json;
using Contrail.Api.Tests.Support;
using Contrail.Delivery.Objects;
using Microsoft.Extensions.DependencyInjection;

namespace Contrail.Api.Tests.S3Read;

/// <summary>
/// The real AWS CLI (v1) reading delivered files through Contrail's endpoint: <c>aws s3api</c> and
/// <c>aws s3 cp</c> with <c>--endpoint-url</c>, and <c>AWS_ENDPOINT_URL_S3</c>, which is how
/// <c>validate-logs</c>' own S3 client finds Contrail (spec §3.5).
/// </summary>
public sealed class S3ReadAwsCliTests : IAsyncLifetime
{
    private const string Bucket = "cli-bucket";
    private const string Key = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/01/01/111122223333_CloudTrail_us-east-1_20240101T0000Z_abc.json.gz";

    private readonly string _downloads = TempDirectory.Create("s3read-cli");
    private TestServer _server = null!;
    private byte[] _log = [];

    private string Endpoint => _server.Endpoint.ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        var store = _server.Services.GetRequiredService<IObjectStore>();
        _log = S3ReadBoto3Tests.Gzip("{\"Records\":[{\"eventName\":\"ConsoleLogin\"}]}");
        await store.PutAsync(Bucket, Key, _log, new Dictionary<string, string> { ["signature"] = "00ff" });
        await store.PutAsync(Bucket, "notes/read me+now.txt", "plain text\n"u8.ToArray(), new Dictionary<string, string>());
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        TempDirectory.Delete(_downloads);
    }

    [Fact]
    public async Task S3apiListObjects_WithEndpointUrl_ListsEveryKey()
    {
        var result = await Processes.AwsAsync(_server.ClientEnvironment(), "s3api", "list-objects", "--bucket", Bucket, "--endpoint-url", Endpoint, "--output", "json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var contents = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("Contents").EnumerateArray().ToList();
        contents.Select(c => c.GetProperty("Key").GetString()).ShouldBe([Key, "notes/read me+now.txt"]);
        contents[0].GetProperty("Size").GetInt32().ShouldBe(_log.Length);
    }

    [Fact]
    public async Task S3Cp_ToStdoutAndToAFile_TheStoredBytes()
    {
        var text = await Processes.AwsAsync(_server.ClientEnvironment(), "s3", "cp", $"s3://{Bucket}/notes/read me+now.txt", "-", "--endpoint-url", Endpoint);
        var file = Path.Combine(_downloads, "log.json.gz");
        var binary = await Processes.AwsAsync(_server.ClientEnvironment(), "s3", "cp", $"s3://{Bucket}/{Key}", file, "--endpoint-url", Endpoint);

        text.ExitCode.ShouldBe(0, text.Stderr);
        text.Stdout.ShouldBe("plain text\n");
        binary.ExitCode.ShouldBe(0, binary.Stderr);
        (await File.ReadAllBytesAsync(file)).ShouldBe(_log, "the gzip bytes as stored, not inflated");
    }

    [Fact]
    public async Task EndpointFromAwsEndpointUrlS3_AsValidateLogsFindsIt_LocationAndMarkerListing()
    {
        var environment = _server.ClientEnvironment();
        environment["AWS_ENDPOINT_URL_S3"] = Endpoint;

        var location = await Processes.AwsAsync(environment, "s3api", "get-bucket-location", "--bucket", Bucket, "--output", "json");
        var listed = await Processes.AwsAsync(environment, "s3api", "list-objects", "--bucket", Bucket, "--prefix", "AWSLogs/111122223333/CloudTrail/",
            "--marker", "AWSLogs/111122223333/CloudTrail/us-east-1/2023/12/31/x", "--output", "json");

        location.ExitCode.ShouldBe(0, location.Stderr);
        JsonDocument.Parse(location.Stdout).RootElement.GetProperty("LocationConstraint").ValueKind.ShouldBe(JsonValueKind.Null);
        listed.ExitCode.ShouldBe(0, listed.Stderr);
        JsonDocument.Parse(listed.Stdout).RootElement.GetProperty("Contents").EnumerateArray().Select(c => c.GetProperty("Key").GetString()).ShouldBe([Key]);
    }

    [Fact]
    public async Task S3Cp_MissingKey_FailsWithNotFound_AndS3Ls_ShowsTheKeys()
    {
        var missing = await Processes.AwsAsync(_server.ClientEnvironment(), "s3", "cp", $"s3://{Bucket}/no/such.json.gz", "-", "--endpoint-url", Endpoint);
        var ls = await Processes.AwsAsync(_server.ClientEnvironment(), "s3", "ls", $"s3://{Bucket}/", "--recursive", "--endpoint-url", Endpoint);

        missing.ExitCode.ShouldNotBe(0);
        missing.Stderr.ShouldContain("Not Found");
        ls.ExitCode.ShouldBe(0, ls.Stderr);
        var lines = ls.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Select(l => l[31..]).ShouldBe([Key, "notes/read me+now.txt"]);
        lines[1].ShouldContain(Encoding.UTF8.GetByteCount("plain text\n").ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
