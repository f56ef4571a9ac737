using System.Text.Json;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.Trails;

/// <summary>The trail control plane through boto3 (script <c>trails_flows.py</c>).</summary>
public sealed class TrailsBoto3Tests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Boto3_TrailFlows_ErrorsAndListTrailsPagination()
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

        result.GetProperty("pages").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
        var listed = result.GetProperty("listed").EnumerateArray().Select(e => e.GetString()!).ToList();
        listed.Count.ShouldBe(61);
        listed.Distinct().Count().ShouldBe(61);
        listed.Where(n => n.StartsWith("page-", StringComparison.Ordinal)).Count().ShouldBe(60);
        result.GetProperty("deleted").GetString().ShouldBe("TrailNotFoundException");
    }

    private static string? Code(JsonElement errors, string name) => errors.GetProperty(name).GetProperty("code").GetString();
}
