using System.Text.Json;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.Trails;

/// <summary>The trail control plane through boto3 (scripts <c>trails_flows.py</c>, <c>trails_tags.py</c>, <c>trails_pagination.py</c>).</summary>
public sealed class TrailsBoto3Tests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Boto3_TrailFlows_ErrorsAndTheTrailLimit()
    {
        var run = await Processes.PythonAsync(_server.ClientEnvironment(), "trails_flows.py");
        run.ExitCode.ShouldBe(0, run.Stderr);
        var result = JsonDocument.Parse(run.Stdout).RootElement;

        var created = result.GetProperty("created");
        created.GetProperty("IsMultiRegionTrail").GetBoolean().ShouldBeTrue();
        created.GetProperty("S3KeyPrefix").GetString().ShouldBe("k");
        created.GetProperty("KmsKeyId").GetString().ShouldBe($"arn:aws:kms:{TestServer.Region}:{TestServer.AccountId}:alias/trail-key");
        result.GetProperty("get").GetProperty("TrailARN").GetString().ShouldBe($"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:trail/boto-trail");
        result.GetProperty("describe_by_arn").EnumerateArray().Select(e => e.GetString()).ShouldBe(["boto-trail"]);
        result.GetProperty("updated_validation").GetBoolean().ShouldBeFalse();
        result.GetProperty("updated_has_prefix").GetBoolean().ShouldBeFalse("an empty S3KeyPrefix clears it");
        result.GetProperty("default_selectors")[0].GetProperty("ReadWriteType").GetString().ShouldBe("All");
        var basic = result.GetProperty("put_basic")[0];
        basic.GetProperty("ReadWriteType").GetString().ShouldBe("ReadOnly");
        basic.GetProperty("IncludeManagementEvents").GetBoolean().ShouldBeFalse();
        basic.GetProperty("ExcludeManagementEventSources")[0].GetString().ShouldBe("kms.amazonaws.com");
        var fields = result.GetProperty("advanced")[0].GetProperty("FieldSelectors");
        fields.GetArrayLength().ShouldBe(3);
        fields[2].GetProperty("StartsWith")[0].GetString().ShouldBe("arn:aws:s3:::boto-bucket/");
        result.GetProperty("status_logging").GetBoolean().ShouldBeTrue();
        result.GetProperty("status_start_type").GetString().ShouldBe("datetime");
        result.GetProperty("status_stopped").GetBoolean().ShouldBeFalse();

        var errors = result.GetProperty("errors");
        Code(errors, "not_found").ShouldBe("TrailNotFoundException");
        errors.GetProperty("not_found").GetProperty("message").GetString()
            .ShouldBe($"Unknown trail: arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:trail/missing for the user: {TestServer.AccountId}");
        errors.GetProperty("not_found").GetProperty("status").GetInt32().ShouldBe(400);
        Code(errors, "exists").ShouldBe("TrailAlreadyExistsException");
        Code(errors, "bad_name").ShouldBe("InvalidTrailNameException");
        Code(errors, "ip_name").ShouldBe("InvalidTrailNameException");
        Code(errors, "bad_bucket").ShouldBe("InvalidS3BucketNameException");
        Code(errors, "bad_read_write").ShouldBe("InvalidEventSelectorsException");
        Code(errors, "bad_exclude").ShouldBe("InvalidEventSelectorsException");
        Code(errors, "no_category").ShouldBe("InvalidEventSelectorsException");
        Code(errors, "neither").ShouldBe("InvalidParameterCombinationException");
        Code(errors, "bad_token").ShouldBe("InvalidNextTokenException");
        Code(errors, "bad_kms").ShouldBe("InvalidKmsKeyIdException");
        Code(errors, "org_without_org").ShouldBe("OrganizationsNotInUseException");
        Code(errors, "long_topic").ShouldBe("InvalidSnsTopicNameException");
        Code(errors, "sixth").ShouldBe("MaximumNumberOfTrailsExceededException");
        errors.GetProperty("sixth").GetProperty("message").GetString().ShouldBe($"User: {TestServer.AccountId} already has 5 trails in {TestServer.Region}.");

        result.GetProperty("listed").EnumerateArray().Select(e => e.GetString()).ShouldBe(["boto-trail", "limit-1", "limit-2", "limit-3", "limit-4"]);
        result.GetProperty("deleted").GetString().ShouldBe("TrailNotFoundException");
    }

    [Fact]
    public async Task Boto3_Tags_AddListRemove_AndTheirErrors()
    {
        var run = await Processes.PythonAsync(_server.ClientEnvironment(), "trails_tags.py");
        run.ExitCode.ShouldBe(0, run.Stderr);
        var result = JsonDocument.Parse(run.Stdout).RootElement;

        result.GetProperty("add_response").EnumerateObject().ShouldBeEmpty();
        Tags(result.GetProperty("after_add")).ShouldBe([("team", "ops"), ("env", "prod"), ("flag", null)]);
        var paginated = result.GetProperty("paginated");
        paginated.GetArrayLength().ShouldBe(2);
        paginated[0].GetProperty("ResourceId").GetString().ShouldEndWith(":trail/boto-tags");
        paginated[1].GetProperty("ResourceId").GetString().ShouldEndWith(":trail/boto-bare");
        paginated[1].GetProperty("TagsList").GetArrayLength().ShouldBe(0);
        Tags(result.GetProperty("after_remove")).ShouldBe([("team", "ops")]);

        var errors = result.GetProperty("errors");
        Code(errors, "by_name").ShouldBe("CloudTrailARNInvalidException");
        Code(errors, "unknown").ShouldBe("ResourceNotFoundException");
        errors.GetProperty("unknown").GetProperty("status").GetInt32().ShouldBe(400);
        Code(errors, "unknown_list").ShouldBe("ResourceNotFoundException");
        Code(errors, "unknown_remove").ShouldBe("ResourceNotFoundException");
        Code(errors, "bad_arn").ShouldBe("CloudTrailARNInvalidException");
        Code(errors, "channel").ShouldBe("ResourceTypeNotSupportedException");
        Code(errors, "duplicate").ShouldBe("InvalidTagParameterException");
        Code(errors, "long_key").ShouldBe("InvalidTagParameterException");
        Code(errors, "long_value").ShouldBe("InvalidTagParameterException");
        Code(errors, "over_limit").ShouldBe("TagsLimitExceededException");
        errors.GetProperty("over_limit").GetProperty("message").GetString()!.ShouldEndWith("Currently, the limit is 50.");
        Code(errors, "create_over_limit").ShouldBe("TagsLimitExceededException");
        Code(errors, "too_many_ids").ShouldBe("ValidationException");
        Code(errors, "token").ShouldBe("InvalidTokenException");
        Tags(result.GetProperty("after_errors")).ShouldBe([("team", "ops")], "a refused call changes no tag");
        result.GetProperty("deleted").GetString().ShouldBe("ResourceNotFoundException");
    }

    private static List<(string?, string?)> Tags(JsonElement list) =>
        [.. list.EnumerateArray().Select(t => (t.GetProperty("Key").GetString(), t.TryGetProperty("Value", out var v) ? v.GetString() : null))];

    private static string? Code(JsonElement errors, string name) => errors.GetProperty(name).GetProperty("code").GetString();
}
