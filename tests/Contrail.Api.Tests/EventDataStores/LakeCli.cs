using System.Text.Json;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.EventDataStores;

/// <summary>The real AWS CLI (v1) pointed at a test server: <c>aws cloudtrail …</c> with JSON output.</summary>
internal sealed class LakeCli(TestServer server)
{
    public const string SelectorsAuditLog = """[{"Name":"audit","FieldSelectors":[{"Field":"eventCategory","Equals":["ActivityAuditLog"]}]}]""";

    public Task<ProcessResult> Run(params string[] args) =>
        Processes.AwsAsync(server.ClientEnvironment(), ["cloudtrail", .. args, "--endpoint-url", server.Endpoint.ToString().TrimEnd('/'), "--output", "json"]);

    public async Task<JsonElement> Ok(params string[] args)
    {
        var result = await Run(args);
        result.ExitCode.ShouldBe(0, result.Stderr);
        return result.Stdout.Trim().Length == 0 ? default : JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    /// <summary>Runs a call that must fail with <paramref name="code"/>; answers the CLI's error text.</summary>
    public async Task<string> Fails(string code, params string[] args)
    {
        var result = await Run(args);
        result.ExitCode.ShouldNotBe(0, result.Stdout);
        result.Stderr.ShouldContain($"({code})");
        return result.Stderr;
    }
}
