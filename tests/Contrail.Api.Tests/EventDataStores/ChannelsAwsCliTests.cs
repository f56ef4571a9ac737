using System.Text.Json;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.EventDataStores;

/// <summary>Channels through the real AWS CLI (v1): their lifecycle, PutAuditEvents on them, and their errors.</summary>
public sealed class ChannelsAwsCliTests : IAsyncLifetime
{
    private const string Prefix = $"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:";

    private TestServer _server = null!;
    private LakeCli _cli = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _cli = new LakeCli(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string EventData(string recipient) => JsonSerializer.Serialize(new
    {
        version = "1.0",
        userIdentity = new { type = "User", principalId = "alice" },
        eventSource = "myapp",
        eventName = "Login",
        eventTime = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
        UID = Guid.NewGuid().ToString(),
        recipientAccountId = recipient,
    });

    private Task<ProcessResult> Put(string channel, params (string Id, string Recipient)[] events) =>
        Processes.AwsAsync(_server.ClientEnvironment(), "cloudtrail-data", "put-audit-events", "--channel-arn", channel,
            "--audit-events", JsonSerializer.Serialize(events.Select(e => new { id = e.Id, eventData = EventData(e.Recipient) })),
            "--endpoint-url", _server.Endpoint.ToString().TrimEnd('/'), "--output", "json");

    [Fact]
    public async Task ChannelLifecycle_CreateGetListUpdatePutAuditEventsDelete_AnswersAsAws()
    {
        var store = (await _cli.Ok("create-event-data-store", "--name", "app-events", "--no-termination-protection-enabled",
            "--advanced-event-selectors", LakeCli.SelectorsAuditLog)).GetProperty("EventDataStoreArn").GetString()!;
        var other = (await _cli.Ok("create-event-data-store", "--name", "app-events-2", "--advanced-event-selectors", LakeCli.SelectorsAuditLog))
            .GetProperty("EventDataStoreArn").GetString()!;

        var created = await _cli.Ok("create-channel", "--name", "app-channel", "--source", "Custom",
            "--destinations", $"Type=EVENT_DATA_STORE,Location={store}", "--tags", "Key=team,Value=apps");
        var channelArn = created.GetProperty("ChannelArn").GetString()!;
        channelArn.ShouldStartWith(Prefix + "channel/");
        var channelId = channelArn[(Prefix.Length + "channel/".Length)..];
        created.GetProperty("Name").GetString().ShouldBe("app-channel");
        created.GetProperty("Source").GetString().ShouldBe("Custom");
        created.GetProperty("Destinations")[0].GetProperty("Location").GetString().ShouldBe(store);
        created.GetProperty("Tags")[0].GetProperty("Key").GetString().ShouldBe("team");

        var got = await _cli.Ok("get-channel", "--channel", channelId);
        got.GetProperty("ChannelArn").GetString().ShouldBe(channelArn);
        got.GetProperty("Destinations")[0].GetProperty("Type").GetString().ShouldBe("EVENT_DATA_STORE");
        got.GetProperty("SourceConfig").GetProperty("AdvancedEventSelectors")[0].GetProperty("FieldSelectors")[0].GetProperty("Equals")[0].GetString()
            .ShouldBe("ActivityAuditLog");
        got.GetProperty("IngestionStatus").EnumerateObject().ShouldBeEmpty();
        (await _cli.Ok("list-channels")).GetProperty("Channels").EnumerateArray().Select(c => c.GetProperty("Name").GetString()).ShouldBe(["app-channel"]);
        (await _cli.Ok("list-tags", "--resource-id-list", channelArn)).GetProperty("ResourceTagList")[0].GetProperty("TagsList")[0]
            .GetProperty("Value").GetString().ShouldBe("apps");

        var put = await Put(channelArn, ("e1", TestServer.AccountId), ("e2", TestServer.AccountId));
        put.ExitCode.ShouldBe(0, put.Stderr);
        var successful = JsonDocument.Parse(put.Stdout).RootElement.GetProperty("successful");
        successful.GetArrayLength().ShouldBe(2);
        var status = (await _cli.Ok("get-channel", "--channel", channelArn)).GetProperty("IngestionStatus");
        status.GetProperty("LatestIngestionSuccessEventID").GetString().ShouldBe(successful[1].GetProperty("eventID").GetString());
        status.GetProperty("LatestIngestionAttemptEventID").GetString().ShouldBe(successful[1].GetProperty("eventID").GetString());
        status.GetProperty("LatestIngestionSuccessTime").GetDouble().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds());
        status.TryGetProperty("LatestIngestionErrorCode", out _).ShouldBeFalse();

        var byId = await Put(channelId, ("e3", "999988887777"));
        byId.ExitCode.ShouldBe(0, byId.Stderr);
        JsonDocument.Parse(byId.Stdout).RootElement.GetProperty("failed")[0].GetProperty("errorCode").GetString().ShouldBe("InvalidRecipient");
        var failedStatus = (await _cli.Ok("get-channel", "--channel", channelArn)).GetProperty("IngestionStatus");
        failedStatus.GetProperty("LatestIngestionErrorCode").GetString().ShouldBe("InvalidRecipient");
        failedStatus.GetProperty("LatestIngestionSuccessEventID").GetString().ShouldBe(successful[1].GetProperty("eventID").GetString(), "the last success stays");
        failedStatus.TryGetProperty("LatestIngestionAttemptEventID", out _).ShouldBeFalse("the latest attempt took no event");
        (await Put(_server.DefaultChannelArn, ("d1", TestServer.AccountId))).ExitCode.ShouldBe(0, "the default channel keeps working");

        var updated = await _cli.Ok("update-channel", "--channel", channelArn, "--name", "app-channel-2",
            "--destinations", $"Type=EVENT_DATA_STORE,Location={store}", $"Type=EVENT_DATA_STORE,Location={other}");
        updated.GetProperty("Name").GetString().ShouldBe("app-channel-2");
        updated.GetProperty("Destinations").GetArrayLength().ShouldBe(2);

        (await _cli.Fails("ChannelExistsForEDSException", "delete-event-data-store", "--event-data-store", store)).ShouldContain(channelArn);
        await _cli.Ok("delete-channel", "--channel", channelArn);
        await _cli.Fails("ChannelNotFoundException", "get-channel", "--channel", channelArn);
        var gone = await Put(channelArn, ("e4", TestServer.AccountId));
        gone.ExitCode.ShouldNotBe(0);
        gone.Stderr.ShouldContain("(ChannelNotFound)");
        await _cli.Ok("delete-event-data-store", "--event-data-store", store);
        (await _cli.Ok("list-channels")).GetProperty("Channels").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task BadChannelCalls_AnswerWithTheirCloudTrailErrors()
    {
        var audit = (await _cli.Ok("create-event-data-store", "--name", "audit-store", "--no-termination-protection-enabled",
            "--advanced-event-selectors", LakeCli.SelectorsAuditLog)).GetProperty("EventDataStoreArn").GetString()!;
        var management = (await _cli.Ok("create-event-data-store", "--name", "mgmt-store")).GetProperty("EventDataStoreArn").GetString()!;
        await _cli.Ok("create-channel", "--name", "taken", "--source", "Custom", "--destinations", $"Type=EVENT_DATA_STORE,Location={audit}");

        await _cli.Fails("ChannelAlreadyExistsException", "create-channel", "--name", "taken", "--source", "Custom",
            "--destinations", $"Type=EVENT_DATA_STORE,Location={audit}");
        await _cli.Fails("EventDataStoreNotFoundException", "create-channel", "--name", "chan-1", "--source", "Custom",
            "--destinations", $"Type=EVENT_DATA_STORE,Location={Prefix}eventdatastore/{Guid.NewGuid():D}");
        await _cli.Fails("InvalidEventDataStoreCategoryException", "create-channel", "--name", "chan-2", "--source", "Custom",
            "--destinations", $"Type=EVENT_DATA_STORE,Location={management}");
        await _cli.Fails("EventDataStoreARNInvalidException", "create-channel", "--name", "chan-3", "--source", "Custom",
            "--destinations", "Type=EVENT_DATA_STORE,Location=not-an-arn");
        await _cli.Fails("InvalidParameterException", "create-channel", "--name", "chan-4", "--source", "Custom",
            "--destinations", "Type=AWS_SERVICE,Location=config.amazonaws.com");
        await _cli.Fails("ValidationException", "create-channel", "--name", "bad name", "--source", "Custom",
            "--destinations", $"Type=EVENT_DATA_STORE,Location={audit}");
        await _cli.Fails("ChannelNotFoundException", "get-channel", "--channel", Guid.NewGuid().ToString("D"));
        await _cli.Fails("ChannelARNInvalidException", "get-channel", "--channel", $"{Prefix}trail/some-trail");
        await _cli.Fails("ChannelNotFoundException", "delete-channel", "--channel", $"{Prefix}channel/{Guid.NewGuid():D}");
        await _cli.Fails("InvalidEventDataStoreCategoryException", "stop-event-data-store-ingestion", "--event-data-store", audit);
        await _cli.Fails("InvalidNextTokenException", "list-channels", "--next-token", "nope-token");

        var pending = (await _cli.Ok("create-event-data-store", "--name", "pending-store", "--no-termination-protection-enabled",
            "--advanced-event-selectors", LakeCli.SelectorsAuditLog)).GetProperty("EventDataStoreArn").GetString()!;
        await _cli.Ok("delete-event-data-store", "--event-data-store", pending);
        await _cli.Fails("InactiveEventDataStoreException", "create-channel", "--name", "chan-5", "--source", "Custom",
            "--destinations", $"Type=EVENT_DATA_STORE,Location={pending}");
        (await _cli.Ok("list-channels")).GetProperty("Channels").GetArrayLength().ShouldBe(1, "refused calls create nothing");
    }
}
