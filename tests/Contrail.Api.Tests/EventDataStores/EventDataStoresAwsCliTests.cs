using System.Text.Json;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.EventDataStores;

/// <summary>The event data store operations through the real AWS CLI (v1) against the server on loopback.</summary>
public sealed class EventDataStoresAwsCliTests : IAsyncLifetime
{
    private const string ArnPrefix = $"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:eventdatastore/";

    private TestServer _server = null!;
    private LakeCli _cli = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _cli = new LakeCli(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Lifecycle_CreateGetListUpdateIngestionDeleteRestore_AnswersAsAws()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var created = await _cli.Ok("create-event-data-store", "--name", "audit-eds");
        var arn = created.GetProperty("EventDataStoreArn").GetString()!;
        arn.ShouldStartWith(ArnPrefix);
        var id = arn[ArnPrefix.Length..];
        Guid.TryParse(id, out _).ShouldBeTrue(id);
        created.GetProperty("Name").GetString().ShouldBe("audit-eds");
        created.GetProperty("Status").GetString().ShouldBe("CREATED");
        JsonSerializer.Serialize(created.GetProperty("AdvancedEventSelectors"))
            .ShouldBe("""[{"Name":"Default management events","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]}]""");
        created.GetProperty("MultiRegionEnabled").GetBoolean().ShouldBeTrue();
        created.GetProperty("OrganizationEnabled").GetBoolean().ShouldBeFalse();
        created.GetProperty("RetentionPeriod").GetInt32().ShouldBe(366);
        created.GetProperty("BillingMode").GetString().ShouldBe("EXTENDABLE_RETENTION_PRICING");
        created.GetProperty("TerminationProtectionEnabled").GetBoolean().ShouldBeTrue();
        created.GetProperty("TagsList").GetArrayLength().ShouldBe(0);
        created.GetProperty("CreatedTimestamp").GetDouble().ShouldBeGreaterThan(before.ToUnixTimeSeconds());

        var byId = await _cli.Ok("get-event-data-store", "--event-data-store", id);
        byId.GetProperty("EventDataStoreArn").GetString().ShouldBe(arn);
        byId.GetProperty("Status").GetString().ShouldBe("ENABLED");
        byId.GetProperty("FederationStatus").GetString().ShouldBe("DISABLED");
        (await _cli.Ok("get-event-data-store", "--event-data-store", arn)).GetProperty("Name").GetString().ShouldBe("audit-eds");

        var fixedStore = await _cli.Ok("create-event-data-store", "--name", "fixed-eds", "--billing-mode", "FIXED_RETENTION_PRICING",
            "--no-start-ingestion", "--no-multi-region-enabled", "--tags-list", "Key=team,Value=sec");
        fixedStore.GetProperty("RetentionPeriod").GetInt32().ShouldBe(2557);
        fixedStore.GetProperty("MultiRegionEnabled").GetBoolean().ShouldBeFalse();
        fixedStore.GetProperty("TagsList")[0].GetProperty("Value").GetString().ShouldBe("sec");
        var fixedArn = fixedStore.GetProperty("EventDataStoreArn").GetString()!;
        (await _cli.Ok("get-event-data-store", "--event-data-store", fixedArn)).GetProperty("Status").GetString().ShouldBe("STOPPED_INGESTION");

        var listed = (await _cli.Ok("list-event-data-stores")).GetProperty("EventDataStores");
        listed.EnumerateArray().Select(s => s.GetProperty("Name").GetString()).ShouldBe(["audit-eds", "fixed-eds"]);
        listed[0].GetProperty("EventDataStoreArn").GetString().ShouldBe(arn);

        const string selectors = """[{"Name":"writes","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]},{"Field":"readOnly","Equals":["false"]}]}]""";
        var updated = await _cli.Ok("update-event-data-store", "--event-data-store", arn, "--name", "audit-eds-2", "--retention-period", "90",
            "--advanced-event-selectors", selectors);
        updated.GetProperty("Name").GetString().ShouldBe("audit-eds-2");
        updated.GetProperty("RetentionPeriod").GetInt32().ShouldBe(90);
        updated.GetProperty("Status").GetString().ShouldBe("ENABLED");
        JsonSerializer.Serialize(updated.GetProperty("AdvancedEventSelectors")).ShouldBe(selectors);
        updated.GetProperty("UpdatedTimestamp").GetDouble().ShouldBeGreaterThanOrEqualTo(updated.GetProperty("CreatedTimestamp").GetDouble());

        await _cli.Ok("stop-event-data-store-ingestion", "--event-data-store", arn);
        (await _cli.Ok("get-event-data-store", "--event-data-store", arn)).GetProperty("Status").GetString().ShouldBe("STOPPED_INGESTION");
        await _cli.Fails("InvalidEventDataStoreStatusException", "stop-event-data-store-ingestion", "--event-data-store", arn);
        await _cli.Ok("start-event-data-store-ingestion", "--event-data-store", id);
        (await _cli.Ok("get-event-data-store", "--event-data-store", arn)).GetProperty("Status").GetString().ShouldBe("ENABLED");
        await _cli.Fails("InvalidEventDataStoreStatusException", "start-event-data-store-ingestion", "--event-data-store", arn);

        await _cli.Fails("EventDataStoreTerminationProtectedException", "delete-event-data-store", "--event-data-store", arn);
        (await _cli.Ok("update-event-data-store", "--event-data-store", arn, "--no-termination-protection-enabled"))
            .GetProperty("TerminationProtectionEnabled").GetBoolean().ShouldBeFalse();
        await _cli.Ok("delete-event-data-store", "--event-data-store", arn);
        (await _cli.Ok("get-event-data-store", "--event-data-store", arn)).GetProperty("Status").GetString().ShouldBe("PENDING_DELETION");
        await _cli.Fails("InactiveEventDataStoreException", "update-event-data-store", "--event-data-store", arn, "--retention-period", "30");
        await _cli.Fails("InactiveEventDataStoreException", "delete-event-data-store", "--event-data-store", arn);
        await _cli.Fails("InvalidEventDataStoreStatusException", "start-event-data-store-ingestion", "--event-data-store", arn);

        var restored = await _cli.Ok("restore-event-data-store", "--event-data-store", arn);
        restored.GetProperty("Status").GetString().ShouldBe("ENABLED");
        restored.GetProperty("RetentionPeriod").GetInt32().ShouldBe(90);
        await _cli.Fails("InvalidEventDataStoreStatusException", "restore-event-data-store", "--event-data-store", arn);
    }

    [Fact]
    public async Task BadCalls_AnswerWithTheirCloudTrailErrors()
    {
        var created = await _cli.Ok("create-event-data-store", "--name", "taken-eds");
        var arn = created.GetProperty("EventDataStoreArn").GetString()!;

        (await _cli.Fails("EventDataStoreAlreadyExistsException", "create-event-data-store", "--name", "taken-eds"))
            .ShouldContain("An event data store with the name taken-eds already exists.");
        (await _cli.Fails("ValidationException", "create-event-data-store", "--name", "bad name!")).ShouldContain("regular expression pattern");
        (await _cli.Fails("ValidationException", "create-event-data-store", "--name", "long-retention", "--retention-period", "3654"))
            .ShouldContain("less than or equal to 3653");
        (await _cli.Fails("InvalidParameterException", "create-event-data-store", "--name", "fixed-long", "--billing-mode", "FIXED_RETENTION_PRICING",
            "--retention-period", "3000")).ShouldContain("2557");
        await _cli.Ok("create-event-data-store", "--name", "ext-long", "--retention-period", "3653");
        await _cli.Fails("ValidationException", "create-event-data-store", "--name", "bad-billing", "--billing-mode", "CHEAP");
        await _cli.Fails("OrganizationsNotInUseException", "create-event-data-store", "--name", "org-eds", "--organization-enabled");
        await _cli.Fails("InvalidKmsKeyIdException", "create-event-data-store", "--name", "kms-eds", "--kms-key-id", "not a key");
        var six = "[" + string.Join(",", Enumerable.Repeat("""{"FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]}""", 6)) + "]";
        (await _cli.Fails("InvalidEventSelectorsException", "create-event-data-store", "--name", "six-eds", "--advanced-event-selectors", six))
            .ShouldContain("at most 5");
        await _cli.Fails("InvalidEventSelectorsException", "create-event-data-store", "--name", "mixed-eds", "--advanced-event-selectors",
            """[{"FieldSelectors":[{"Field":"eventCategory","Equals":["ActivityAuditLog"]},{"Field":"eventName","Equals":["x"]}]}]""");
        await _cli.Fails("InvalidEventSelectorsException", "create-event-data-store", "--name", "nocat-eds", "--advanced-event-selectors",
            """[{"FieldSelectors":[{"Field":"eventName","Equals":["x"]}]}]""");
        await _cli.Fails("InvalidParameterException", "update-event-data-store", "--event-data-store", arn, "--billing-mode", "FIXED_RETENTION_PRICING");
        await _cli.Fails("EventDataStoreAlreadyExistsException", "update-event-data-store", "--event-data-store", arn, "--name", "ext-long");

        var missing = ArnPrefix + Guid.NewGuid().ToString("D");
        (await _cli.Fails("EventDataStoreNotFoundException", "get-event-data-store", "--event-data-store", missing)).ShouldContain(missing);
        await _cli.Fails("EventDataStoreNotFoundException", "delete-event-data-store", "--event-data-store", Guid.NewGuid().ToString("D"));
        await _cli.Fails("EventDataStoreNotFoundException", "get-event-data-store",
            "--event-data-store", $"arn:aws:cloudtrail:eu-west-1:{TestServer.AccountId}:eventdatastore/{arn[ArnPrefix.Length..]}");
        await _cli.Fails("EventDataStoreARNInvalidException", "get-event-data-store",
            "--event-data-store", $"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:trail/some-trail");
        await _cli.Fails("InvalidMaxResultsException", "list-event-data-stores", "--max-results", "1001");
        await _cli.Fails("InvalidNextTokenException", "list-event-data-stores", "--next-token", "not-a-token");
    }

    [Fact]
    public async Task Quota_TenStores_EleventhRefused_PendingDeletionNotCounted_RestoreRefusedWhenFull()
    {
        var arns = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var extra = i == 0 ? new[] { "--no-termination-protection-enabled" } : [];
            arns.Add((await _cli.Ok(["create-event-data-store", "--name", $"quota-{i:D2}", .. extra])).GetProperty("EventDataStoreArn").GetString()!);
        }

        (await _cli.Fails("EventDataStoreMaxLimitExceededException", "create-event-data-store", "--name", "quota-10")).ShouldContain("(10)");
        await _cli.Ok("delete-event-data-store", "--event-data-store", arns[0]);
        await _cli.Ok("create-event-data-store", "--name", "quota-10");
        await _cli.Fails("EventDataStoreMaxLimitExceededException", "restore-event-data-store", "--event-data-store", arns[0]);

        var first = await _cli.Ok("list-event-data-stores", "--max-results", "4");
        first.GetProperty("EventDataStores").GetArrayLength().ShouldBe(4);
        var names = first.GetProperty("EventDataStores").EnumerateArray().Select(s => s.GetProperty("Name").GetString()!).ToList();
        var token = first.GetProperty("NextToken").GetString()!;
        while (true)
        {
            var page = await _cli.Ok("list-event-data-stores", "--max-results", "4", "--next-token", token);
            names.AddRange(page.GetProperty("EventDataStores").EnumerateArray().Select(s => s.GetProperty("Name").GetString()!));
            if (!page.TryGetProperty("NextToken", out var next))
            {
                break;
            }

            token = next.GetString()!;
        }

        names.ShouldBe([.. Enumerable.Range(0, 11).Select(i => $"quota-{i:D2}")], "every store once, pending deletion included, by name");
    }

    [Fact]
    public async Task Tags_AddListRemoveOnAStore_WithTrailsRulesAndErrors()
    {
        var arn = (await _cli.Ok("create-event-data-store", "--name", "tagged-eds", "--tags-list", "Key=team,Value=sec"))
            .GetProperty("EventDataStoreArn").GetString()!;
        await _cli.Ok("create-trail", "--name", "tagged-trail", "--s3-bucket-name", "tag-bucket");
        var trailArn = $"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:trail/tagged-trail";

        await _cli.Ok("add-tags", "--resource-id", arn, "--tags-list", "Key=env,Value=prod", "Key=team,Value=ops", "Key=flag");
        var listed = (await _cli.Ok("list-tags", "--resource-id-list", arn, trailArn)).GetProperty("ResourceTagList");
        listed.GetArrayLength().ShouldBe(2);
        listed[0].GetProperty("ResourceId").GetString().ShouldBe(arn);
        listed[0].GetProperty("TagsList").EnumerateArray().Select(t => t.GetProperty("Key").GetString() + "=" + (t.TryGetProperty("Value", out var v) ? v.GetString() : "null"))
            .ShouldBe(["team=ops", "env=prod", "flag=null"]);
        listed[1].GetProperty("TagsList").GetArrayLength().ShouldBe(0);

        await _cli.Ok("remove-tags", "--resource-id", arn, "--tags-list", "Key=env", "Key=flag");
        (await _cli.Ok("list-tags", "--resource-id-list", arn)).GetProperty("ResourceTagList")[0].GetProperty("TagsList")
            .EnumerateArray().Select(t => t.GetProperty("Key").GetString()).ShouldBe(["team"]);

        var many = Enumerable.Range(0, 50).Select(i => $"Key=k{i}").ToArray();
        (await _cli.Fails("TagsLimitExceededException", ["add-tags", "--resource-id", arn, "--tags-list", .. many])).ShouldContain("Currently, the limit is 50.");
        await _cli.Fails("ResourceNotFoundException", "add-tags", "--resource-id", ArnPrefix + Guid.NewGuid().ToString("D"), "--tags-list", "Key=k");
        await _cli.Fails("ResourceNotFoundException", "list-tags", "--resource-id-list", arn, ArnPrefix + Guid.NewGuid().ToString("D"));
        await _cli.Fails("ResourceTypeNotSupportedException", "add-tags", "--resource-id", _server.DefaultChannelArn, "--tags-list", "Key=k");
        (await _cli.Ok("list-tags", "--resource-id-list", arn)).GetProperty("ResourceTagList")[0].GetProperty("TagsList").GetArrayLength().ShouldBe(1);
    }
}
