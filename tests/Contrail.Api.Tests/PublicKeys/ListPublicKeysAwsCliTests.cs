using System.Text.Json;
using Contrail.Api.Tests.Support;
using Contrail.Delivery.Digests;
using Microsoft.Extensions.DependencyInjection;

namespace Contrail.Api.Tests.PublicKeys;

/// <summary><c>aws cloudtrail list-public-keys</c>: the real AWS CLI (v1) against the server on loopback.</summary>
public sealed class ListPublicKeysAwsCliTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<ProcessResult> Aws(params string[] args) =>
        Processes.AwsAsync(_server.ClientEnvironment(), ["cloudtrail", .. args, "--endpoint-url", _server.Endpoint.ToString().TrimEnd('/'), "--output", "json"]);

    [Fact]
    public async Task ListPublicKeys_AwsCli_ReturnsTheCurrentKey_AsValidateLogsReadsIt()
    {
        var result = await Aws("list-public-keys");

        result.ExitCode.ShouldBe(0, result.Stderr);
        var entry = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("PublicKeyList").EnumerateArray().ShouldHaveSingleItem();
        var key = _server.Services.GetRequiredService<SigningKeyRing>().KeyFor(DateTimeOffset.UtcNow);
        entry.GetProperty("Value").GetString().ShouldBe(Convert.ToBase64String(key.PublicKeyDer), "the CLI passes the blob through as base64");
        entry.GetProperty("Fingerprint").GetString().ShouldBe(key.Fingerprint);
        entry.GetProperty("ValidityStartTime").GetDouble().ShouldBe(key.ValidFrom.ToUnixTimeSeconds());
        entry.GetProperty("ValidityEndTime").GetDouble().ShouldBe(key.ValidTo.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task ListPublicKeys_AwsCli_TimeRangeAndErrors()
    {
        var now = DateTimeOffset.UtcNow;
        (await Aws("list-public-keys")).ExitCode.ShouldBe(0);

        // validate-logs (v1) asks for [start, end + 2h] with epoch seconds (spec §3.2 step 5).
        var ranged = await Aws("list-public-keys", "--start-time", now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ"), "--end-time", now.AddHours(2).ToUnixTimeSeconds().ToString());
        ranged.ExitCode.ShouldBe(0, ranged.Stderr);
        JsonDocument.Parse(ranged.Stdout).RootElement.GetProperty("PublicKeyList").GetArrayLength().ShouldBe(1);

        var before = await Aws("list-public-keys", "--start-time", "2020-01-01T00:00:00Z", "--end-time", "2020-01-02T00:00:00Z");
        before.ExitCode.ShouldBe(0, before.Stderr);
        JsonDocument.Parse(before.Stdout).RootElement.GetProperty("PublicKeyList").GetArrayLength().ShouldBe(0);

        var reversed = await Aws("list-public-keys", "--start-time", "2020-01-02T00:00:00Z", "--end-time", "2020-01-01T00:00:00Z");
        reversed.ExitCode.ShouldNotBe(0);
        reversed.Stderr.ShouldContain("(InvalidTimeRangeException) when calling the ListPublicKeys operation");

        var token = await Aws("list-public-keys", "--next-token", "anything");
        token.ExitCode.ShouldNotBe(0);
        token.Stderr.ShouldContain("(InvalidTokenException) when calling the ListPublicKeys operation");
    }
}
