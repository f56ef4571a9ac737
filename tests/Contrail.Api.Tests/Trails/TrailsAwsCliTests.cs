using System.Text.Json;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.Trails;

/// <summary>The trail control plane through the real AWS CLI (v1) against the server on loopback.</summary>
public sealed class TrailsAwsCliTests : IAsyncLifetime
{
    private const string Arn = $"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:trail/";

    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<ProcessResult> Aws(params string[] args) =>
        Processes.AwsAsync(_server.ClientEnvironment(), ["cloudtrail", .. args, "--endpoint-url", _server.Endpoint.ToString().TrimEnd('/'), "--output", "json"]);

    private async Task<JsonElement> Ok(params string[] args)
    {
        var result = await Aws(args);
        result.ExitCode.ShouldBe(0, result.Stderr);
        return result.Stdout.Trim().Length == 0 ? default : JsonDocument.Parse(result.Stdout).RootElement;
    }

    private async Task Fails(string code, params string[] args)
    {
        var result = await Aws(args);
        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain($"({code})");
    }

    [Fact]
    public async Task TrailLifecycle_CreateGetDescribeListUpdateSelectorsLoggingDelete_AnswersAsAws()
    {
        var created = await Ok("create-trail", "--name", "audit-trail", "--s3-bucket-name", "audit-bucket");
        created.GetProperty("Name").GetString().ShouldBe("audit-trail");
        created.GetProperty("S3BucketName").GetString().ShouldBe("audit-bucket");
        created.GetProperty("TrailARN").GetString().ShouldBe(Arn + "audit-trail");
        created.GetProperty("IsMultiRegionTrail").GetBoolean().ShouldBeTrue();
        created.GetProperty("LogFileValidationEnabled").GetBoolean().ShouldBeTrue();
        created.GetProperty("IncludeGlobalServiceEvents").GetBoolean().ShouldBeTrue();
        created.GetProperty("IsOrganizationTrail").GetBoolean().ShouldBeFalse();
        created.TryGetProperty("S3KeyPrefix", out _).ShouldBeFalse("unset strings are left out");
        await Ok("create-trail", "--name", "second", "--s3-bucket-name", "other-bucket", "--no-is-multi-region-trail", "--s3-key-prefix", "p/x");

        var got = (await Ok("get-trail", "--name", Arn + "audit-trail")).GetProperty("Trail");
        got.GetProperty("HomeRegion").GetString().ShouldBe(TestServer.Region);
        got.GetProperty("HasCustomEventSelectors").GetBoolean().ShouldBeFalse();
        got.GetProperty("HasInsightSelectors").GetBoolean().ShouldBeFalse();

        var all = (await Ok("describe-trails")).GetProperty("trailList").EnumerateArray().Select(t => t.GetProperty("Name").GetString()).ToList();
        all.ShouldBe(["audit-trail", "second"]);
        var one = (await Ok("describe-trails", "--trail-name-list", "second", "missing-trail")).GetProperty("trailList");
        one.GetArrayLength().ShouldBe(1);
        one[0].GetProperty("IsMultiRegionTrail").GetBoolean().ShouldBeFalse();
        one[0].GetProperty("S3KeyPrefix").GetString().ShouldBe("p/x");

        var listed = (await Ok("list-trails")).GetProperty("Trails");
        listed.GetArrayLength().ShouldBe(2);
        listed[0].GetProperty("TrailARN").GetString().ShouldBe(Arn + "audit-trail");
        listed[0].GetProperty("HomeRegion").GetString().ShouldBe(TestServer.Region);

        var updated = await Ok("update-trail", "--name", "second", "--s3-key-prefix", "logs", "--is-multi-region-trail");
        updated.GetProperty("S3KeyPrefix").GetString().ShouldBe("logs");
        updated.GetProperty("IsMultiRegionTrail").GetBoolean().ShouldBeTrue();
        updated.GetProperty("S3BucketName").GetString().ShouldBe("other-bucket");

        var defaults = await Ok("get-event-selectors", "--trail-name", "audit-trail");
        defaults.GetProperty("TrailARN").GetString().ShouldBe(Arn + "audit-trail");
        var selector = defaults.GetProperty("EventSelectors").EnumerateArray().Single();
        selector.GetProperty("ReadWriteType").GetString().ShouldBe("All");
        selector.GetProperty("IncludeManagementEvents").GetBoolean().ShouldBeTrue();
        selector.GetProperty("DataResources").GetArrayLength().ShouldBe(0);
        selector.GetProperty("ExcludeManagementEventSources").GetArrayLength().ShouldBe(0);

        var basic = await Ok("put-event-selectors", "--trail-name", "audit-trail", "--event-selectors",
            """[{"ReadWriteType":"WriteOnly","IncludeManagementEvents":true,"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::audit-bucket/"]}]}]""");
        basic.GetProperty("EventSelectors")[0].GetProperty("ReadWriteType").GetString().ShouldBe("WriteOnly");
        basic.GetProperty("EventSelectors")[0].GetProperty("DataResources")[0].GetProperty("Values")[0].GetString().ShouldBe("arn:aws:s3:::audit-bucket/");

        const string advancedJson = """[{"Name":"mgmt","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]},{"Field":"readOnly","Equals":["false"]}]}]""";
        await Ok("put-event-selectors", "--trail-name", "audit-trail", "--advanced-event-selectors", advancedJson);
        var advanced = await Ok("get-event-selectors", "--trail-name", "audit-trail");
        advanced.TryGetProperty("EventSelectors", out _).ShouldBeFalse("advanced selectors replace basic ones");
        JsonSerializer.Serialize(advanced.GetProperty("AdvancedEventSelectors")).ShouldBe(advancedJson);
        (await Ok("get-trail", "--name", "audit-trail")).GetProperty("Trail").GetProperty("HasCustomEventSelectors").GetBoolean().ShouldBeTrue();

        (await Ok("get-trail-status", "--name", "audit-trail")).GetProperty("IsLogging").GetBoolean().ShouldBeFalse();
        await Ok("start-logging", "--name", "audit-trail");
        var started = await Ok("get-trail-status", "--name", "audit-trail");
        started.GetProperty("IsLogging").GetBoolean().ShouldBeTrue();
        var startTime = started.GetProperty("StartLoggingTime").GetDouble();
        startTime.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        started.GetProperty("TimeLoggingStarted").GetString()!.ShouldEndWith("Z");
        started.TryGetProperty("LatestDeliveryTime", out _).ShouldBeFalse();
        await Ok("stop-logging", "--name", "audit-trail");
        var stopped = await Ok("get-trail-status", "--name", "audit-trail");
        stopped.GetProperty("IsLogging").GetBoolean().ShouldBeFalse();
        stopped.GetProperty("StopLoggingTime").GetDouble().ShouldBeGreaterThanOrEqualTo(startTime);

        await Ok("delete-trail", "--name", "audit-trail");
        await Fails("TrailNotFoundException", "get-trail", "--name", "audit-trail");
        (await Ok("list-trails")).GetProperty("Trails").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task BadTrailCalls_AnswerWithTheirCloudTrailErrors()
    {
        var missing = await Aws("get-trail", "--name", "nope-trail");
        missing.Stderr.ShouldContain($"(TrailNotFoundException) when calling the GetTrail operation: Unknown trail: nope-trail for the user: {TestServer.AccountId}");

        await Ok("create-trail", "--name", "trail1", "--s3-bucket-name", "bucket-one");
        await Fails("TrailAlreadyExistsException", "create-trail", "--name", "trail1", "--s3-bucket-name", "bucket-one");
        var badName = await Aws("create-trail", "--name", "ab", "--s3-bucket-name", "bucket-one");
        badName.Stderr.ShouldContain("(InvalidTrailNameException)");
        badName.Stderr.ShouldContain("Trail name too short. Minimum allowed length: 3 characters. Specified name length: 2 characters.");
        await Fails("InvalidTrailNameException", "create-trail", "--name", "my--trail", "--s3-bucket-name", "bucket-one");
        await Fails("InvalidS3BucketNameException", "create-trail", "--name", "trail2", "--s3-bucket-name", "Bad_Bucket");
        await Fails("InvalidS3PrefixException", "create-trail", "--name", "trail2", "--s3-bucket-name", "bucket-one", "--s3-key-prefix", new string('p', 201));
        await Fails("InvalidParameterCombinationException", "put-event-selectors", "--trail-name", "trail1",
            "--event-selectors", """[{"ReadWriteType":"All"}]""",
            "--advanced-event-selectors", """[{"FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]}]""");
        await Fails("InvalidEventSelectorsException", "put-event-selectors", "--trail-name", "trail1", "--event-selectors",
            "[" + string.Join(',', Enumerable.Repeat("""{"ReadWriteType":"All"}""", 6)) + "]");
        await Fails("CloudTrailARNInvalidException", "get-trail-status", "--name", "arn:aws:cloudtrail:us-east-1:bad:trail/trail1");
    }

    [Fact]
    public async Task Tags_AddListRemove_AnswerAsAws()
    {
        await Ok("create-trail", "--name", "tagged", "--s3-bucket-name", "tag-bucket", "--tags-list", "Key=team,Value=sec");
        await Ok("create-trail", "--name", "plain", "--s3-bucket-name", "tag-bucket");

        (await Aws("add-tags", "--resource-id", Arn + "tagged", "--tags-list", "Key=name,Value=Alice", "Key=location,Value=us", "Key=flag")).ExitCode.ShouldBe(0);
        await Ok("add-tags", "--resource-id", Arn + "tagged", "--tags-list", "Key=team,Value=ops");

        var listed = (await Ok("list-tags", "--resource-id-list", Arn + "tagged", Arn + "plain")).GetProperty("ResourceTagList");
        listed.GetArrayLength().ShouldBe(2);
        listed[0].GetProperty("ResourceId").GetString().ShouldBe(Arn + "tagged");
        var tags = listed[0].GetProperty("TagsList").EnumerateArray()
            .Select(t => (t.GetProperty("Key").GetString(), t.TryGetProperty("Value", out var v) ? v.GetString() : null)).ToList();
        tags.ShouldBe([("team", "ops"), ("name", "Alice"), ("location", "us"), ("flag", null)]);
        listed[1].GetProperty("ResourceId").GetString().ShouldBe(Arn + "plain");
        listed[1].GetProperty("TagsList").GetArrayLength().ShouldBe(0);

        await Ok("remove-tags", "--resource-id", Arn + "tagged", "--tags-list", "Key=name", "Key=location,Value=elsewhere", "Key=absent");
        var left = (await Ok("list-tags", "--resource-id-list", Arn + "tagged")).GetProperty("ResourceTagList")[0].GetProperty("TagsList");
        left.EnumerateArray().Select(t => t.GetProperty("Key").GetString()).ShouldBe(["team", "flag"], "removal is by key; a value given is not compared");
    }

    [Fact]
    public async Task BadTagCalls_AnswerWithTheirCloudTrailErrors()
    {
        await Ok("create-trail", "--name", "tag-errors", "--s3-bucket-name", "tag-bucket");

        var byName = await Aws("add-tags", "--resource-id", "tag-errors", "--tags-list", "Key=k,Value=v");
        byName.Stderr.ShouldContain("(CloudTrailARNInvalidException) when calling the AddTags operation");
        var unknown = await Aws("list-tags", "--resource-id-list", Arn + "no-such-trail");
        unknown.Stderr.ShouldContain($"(ResourceNotFoundException) when calling the ListTags operation: Unknown trail: {Arn}no-such-trail");
        await Fails("ResourceNotFoundException", "remove-tags", "--resource-id", Arn + "no-such-trail", "--tags-list", "Key=k");
        await Fails("InvalidTagParameterException", "add-tags", "--resource-id", Arn + "tag-errors", "--tags-list", "Key=dup,Value=a", "Key=dup,Value=b");
        await Fails("InvalidTagParameterException", "add-tags", "--resource-id", Arn + "tag-errors", "--tags-list", $"Key={new string('k', 129)}");

        var fifty = Enumerable.Range(0, 50).Select(i => $"Key=k{i}").ToArray();
        await Ok(["add-tags", "--resource-id", Arn + "tag-errors", "--tags-list", .. fifty]);
        var over = await Aws("add-tags", "--resource-id", Arn + "tag-errors", "--tags-list", "Key=one-more");
        over.Stderr.ShouldContain("(TagsLimitExceededException) when calling the AddTags operation:");
        over.Stderr.ShouldContain("Currently, the limit is 50.");
        await Ok("add-tags", "--resource-id", Arn + "tag-errors", "--tags-list", "Key=k0,Value=replaced");
    }

    [Fact]
    public async Task TrailLimitsAndSettings_AnswerWithTheirCloudTrailErrors()
    {
        var created = await Ok("create-trail", "--name", "kms-trail", "--s3-bucket-name", "limit-bucket", "--kms-key-id", "12345678-1234-1234-1234-123456789012");
        created.GetProperty("KmsKeyId").GetString().ShouldBe($"arn:aws:kms:{TestServer.Region}:{TestServer.AccountId}:key/12345678-1234-1234-1234-123456789012");
        await Fails("InvalidKmsKeyIdException", "create-trail", "--name", "bad-kms", "--s3-bucket-name", "limit-bucket", "--kms-key-id", "my-key");
        await Fails("InvalidKmsKeyIdException", "update-trail", "--name", "kms-trail", "--kms-key-id", "arn:aws:kms:us-east-1:123:key/x");
        await Fails("OrganizationsNotInUseException", "create-trail", "--name", "org-trail", "--s3-bucket-name", "limit-bucket", "--is-organization-trail");
        var combination = await Aws("create-trail", "--name", "no-global", "--s3-bucket-name", "limit-bucket", "--is-multi-region-trail", "--no-include-global-service-events");
        combination.Stderr.ShouldContain("(InvalidParameterCombinationException) when calling the CreateTrail operation: Multi-Region trail must include global service events.");

        for (var i = 2; i <= 5; i++)
        {
            await Ok("create-trail", "--name", $"limit-{i}", "--s3-bucket-name", "limit-bucket");
        }

        var sixth = await Aws("create-trail", "--name", "limit-6", "--s3-bucket-name", "limit-bucket");
        sixth.Stderr.ShouldContain($"(MaximumNumberOfTrailsExceededException) when calling the CreateTrail operation: User: {TestServer.AccountId} already has 5 trails in {TestServer.Region}.");
    }
}
