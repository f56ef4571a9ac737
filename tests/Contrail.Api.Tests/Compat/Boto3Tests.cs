using System.Text.Json;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.Compat;

/// <summary>boto3 (from the machine image) against the server on loopback.</summary>
public sealed class Boto3Tests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<JsonElement> RunAsync(string script)
    {
        var result = await Processes.PythonAsync(_server.ClientEnvironment(), script);
        result.ExitCode.ShouldBe(0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    [Fact]
    public async Task LookupEvents_PagingWhileEventsArrive_EachOlderEventExactlyOnce_NewestFirst()
    {
        var result = await RunAsync("paginate_while_writing.py");

        var original = result.GetProperty("original").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        var seen = result.GetProperty("seen").EnumerateArray().Select(e => e.GetString()!).ToList();
        seen.Distinct().Count().ShouldBe(seen.Count, "no event is returned twice");
        original.ShouldBeSubsetOf(seen);
        var times = result.GetProperty("times").EnumerateArray().Select(e => e.GetDouble()).ToList();
        times.ShouldBe(times.OrderByDescending(t => t).ToList());
        result.GetProperty("pages").GetInt32().ShouldBeGreaterThanOrEqualTo(6);
    }

    [Fact]
    public async Task BadCalls_AnswerWithCloudTrailErrors()
    {
        var result = await RunAsync("errors.py");

        Code(result, "bad_next_token").ShouldBe("InvalidNextTokenException");
        Code(result, "token_other_params").ShouldBe("InvalidNextTokenException");
        Code(result, "bad_category").ShouldBe("InvalidEventCategoryException");
        Code(result, "max_results_51").ShouldBe("InvalidMaxResultsException");
        Code(result, "value_too_long").ShouldBe("InvalidLookupAttributesException");
        Code(result, "insight_username").ShouldBe("InvalidLookupAttributesException");
        Code(result, "unknown_channel").ShouldBe("ChannelNotFound");
        Code(result, "duplicate_ids").ShouldBe("DuplicatedAuditEventId");
        Code(result, "too_many_events").ShouldBe("ValidationException");
        result.GetProperty("bad_next_token").GetProperty("status").GetInt32().ShouldBe(400);

        var mixed = result.GetProperty("mixed");
        mixed.GetProperty("successful").EnumerateArray().Select(e => e.GetString()).ShouldBe(["good"]);
        mixed.GetProperty("failed").GetProperty("bad-recipient").GetString().ShouldBe("InvalidRecipient");
        mixed.GetProperty("failed").GetProperty("not-json").GetString().ShouldBe("InvalidData");
    }

    private static string? Code(JsonElement result, string name) => result.GetProperty(name).GetProperty("code").GetString();
}
