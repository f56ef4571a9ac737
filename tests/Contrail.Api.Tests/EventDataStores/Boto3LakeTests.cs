using System.Text.Json;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.EventDataStores;

/// <summary>Event data stores and channels through boto3 (script <c>lake_flows.py</c>).</summary>
public sealed class Boto3LakeTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Boto3_StoresChannelsAndPutAuditEvents_RoundTripAndErrors()
    {
        var run = await Processes.PythonAsync(_server.ClientEnvironment(), "lake_flows.py");
        run.ExitCode.ShouldBe(0, run.Stderr);
        var result = JsonDocument.Parse(run.Stdout).RootElement;

        result.GetProperty("created_status").GetString().ShouldBe("CREATED");
        result.GetProperty("created_type").GetString().ShouldBe("datetime");
        result.GetProperty("get_status").GetString().ShouldBe("ENABLED");
        result.GetProperty("get_retention").GetInt32().ShouldBe(30);
        result.GetProperty("listed").EnumerateArray().Select(e => e.GetString()).ShouldBe(["boto-store"]);
        result.GetProperty("put_successful").GetInt32().ShouldBe(1);
        result.GetProperty("ingested_event").GetBoolean().ShouldBeTrue();
        result.GetProperty("ingested_time_type").GetString().ShouldBe("datetime");
        result.GetProperty("channels").EnumerateArray().Select(e => e.GetString()).ShouldBe(["boto-channel"]);
        result.GetProperty("after_delete").GetString().ShouldBe("PENDING_DELETION");

        var errors = result.GetProperty("errors");
        Code(errors, "not_found").ShouldBe("EventDataStoreNotFoundException");
        errors.GetProperty("not_found").GetProperty("status").GetInt32().ShouldBe(400);
        Code(errors, "bad_arn").ShouldBe("EventDataStoreARNInvalidException");
        Code(errors, "channel_exists").ShouldBe("ChannelExistsForEDSException");
        Code(errors, "retention").ShouldBe("InvalidParameterException");
        Code(errors, "channel_not_found").ShouldBe("ChannelNotFoundException");
        Code(errors, "put_unknown").ShouldBe("ChannelNotFound");
    }

    private static string? Code(JsonElement errors, string name) => errors.GetProperty(name).GetProperty("code").GetString();
}
