using Contrail.Api.Tests.Support;
using static Contrail.Api.Tests.Monitoring.MetricFilterHarness;

namespace Contrail.Api.Tests.Rules;

/// <summary><c>aws events …</c> (the real AWS CLI v1) against the server on loopback.</summary>
public sealed class RulesAwsCliTests : IAsyncLifetime
{
    private const string Pattern = """{"source":["aws.iam"],"detail":{"eventName":[{"prefix":"Delete"}]}}""";

    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PutDescribeListEnableDisableDelete_RoundTrip()
    {
        var put = await OkAsync(_server, "events", "put-rule", "--name", "iam-deletes", "--event-pattern", Pattern, "--description", "IAM deletions", "--state", "DISABLED");
        put.GetProperty("RuleArn").GetString().ShouldBe($"arn:aws:events:{TestServer.Region}:{TestServer.AccountId}:rule/iam-deletes");

        var described = await OkAsync(_server, "events", "describe-rule", "--name", "iam-deletes");
        described.GetProperty("Name").GetString().ShouldBe("iam-deletes");
        described.GetProperty("EventPattern").GetString().ShouldBe(Pattern);
        described.GetProperty("State").GetString().ShouldBe("DISABLED");
        described.GetProperty("Description").GetString().ShouldBe("IAM deletions");
        described.GetProperty("EventBusName").GetString().ShouldBe("default");

        await OkAsync(_server, "events", "enable-rule", "--name", "iam-deletes");
        (await OkAsync(_server, "events", "describe-rule", "--name", "iam-deletes")).GetProperty("State").GetString().ShouldBe("ENABLED");
        await OkAsync(_server, "events", "disable-rule", "--name", "iam-deletes");
        (await OkAsync(_server, "events", "describe-rule", "--name", "iam-deletes")).GetProperty("State").GetString().ShouldBe("DISABLED");

        foreach (var name in new[] { "b-rule", "a-rule", "c-rule" })
        {
            await OkAsync(_server, "events", "put-rule", "--name", name, "--event-pattern", """{"source":["aws.s3"]}""");
        }

        var listed = await OkAsync(_server, "events", "list-rules");
        listed.GetProperty("Rules").EnumerateArray().Select(r => r.GetProperty("Name").GetString()).ShouldBe(["a-rule", "b-rule", "c-rule", "iam-deletes"]);
        listed.GetProperty("Rules")[0].GetProperty("State").GetString().ShouldBe("ENABLED");
        var paged = await OkAsync(_server, "events", "list-rules", "--limit", "2");
        paged.GetProperty("Rules").GetArrayLength().ShouldBe(2);
        var rest = await OkAsync(_server, "events", "list-rules", "--limit", "2", "--next-token", paged.GetProperty("NextToken").GetString()!);
        rest.GetProperty("Rules").EnumerateArray().Select(r => r.GetProperty("Name").GetString()).ShouldBe(["c-rule", "iam-deletes"]);
        (await OkAsync(_server, "events", "list-rules", "--name-prefix", "b-")).GetProperty("Rules").GetArrayLength().ShouldBe(1);

        await OkAsync(_server, "events", "delete-rule", "--name", "iam-deletes");
        await FailsAsync(_server, "ResourceNotFoundException", "Rule iam-deletes does not exist on EventBus default.", "events", "describe-rule", "--name", "iam-deletes");
        await OkAsync(_server, "events", "delete-rule", "--name", "iam-deletes"); // deleting again succeeds, as EventBridge
    }

    [Fact]
    public async Task PutTargets_ListRemove_AndDeleteRuleNeedsForceWhileTargetsRemain()
    {
        await OkAsync(_server, "events", "put-rule", "--name", "with-targets", "--event-pattern", Pattern);
        var put = await OkAsync(_server, "events", "put-targets", "--rule", "with-targets", "--targets",
            """[{"Id":"hook","Arn":"https://hooks.example.com/contrail"},{"Id":"file","Arn":"arn:contrail:logs:::iam-deletes","Input":"{\"alert\":true}"}]""");
        put.GetProperty("FailedEntryCount").GetInt32().ShouldBe(0);

        var targets = (await OkAsync(_server, "events", "list-targets-by-rule", "--rule", "with-targets")).GetProperty("Targets");
        targets.EnumerateArray().Select(t => $"{t.GetProperty("Id").GetString()}={t.GetProperty("Arn").GetString()}")
            .ShouldBe(["hook=https://hooks.example.com/contrail", "file=arn:contrail:logs:::iam-deletes"]);
        targets[1].GetProperty("Input").GetString().ShouldBe("""{"alert":true}""");

        await FailsAsync(_server, "ValidationException", "Rule can't be deleted since it has targets.", "events", "delete-rule", "--name", "with-targets");
        await OkAsync(_server, "events", "remove-targets", "--rule", "with-targets", "--ids", "hook");
        (await OkAsync(_server, "events", "list-targets-by-rule", "--rule", "with-targets")).GetProperty("Targets").GetArrayLength().ShouldBe(1);
        await OkAsync(_server, "events", "delete-rule", "--name", "with-targets", "--force");
        await FailsAsync(_server, "ResourceNotFoundException", "Rule with-targets does not exist on EventBus default.", "events", "list-targets-by-rule", "--rule", "with-targets");
    }

    [Fact]
    public async Task PutTargets_SixthTarget_IsAFailedEntry()
    {
        await OkAsync(_server, "events", "put-rule", "--name", "many", "--event-pattern", Pattern);
        var targets = string.Join(",", Enumerable.Range(1, 6).Select(i => $$"""{"Id":"t{{i}}","Arn":"arn:contrail:logs:::f{{i}}"}"""));
        var put = await OkAsync(_server, "events", "put-targets", "--rule", "many", "--targets", $"[{targets}]");
        put.GetProperty("FailedEntryCount").GetInt32().ShouldBe(1);
        put.GetProperty("FailedEntries")[0].GetProperty("TargetId").GetString().ShouldBe("t6");
        put.GetProperty("FailedEntries")[0].GetProperty("ErrorCode").GetString().ShouldBe("LimitExceededException");
    }

    public static TheoryData<string, string, string[]> Errors => new()
    {
        {
            "InvalidEventPatternException", "Event pattern is not valid. Reason: Empty arrays are not allowed",
            ["events", "put-rule", "--name", "bad", "--event-pattern", """{"source":[]}"""]
        },
        {
            "ValidationException", "Parameter(s) EventPattern or ScheduleExpression must be specified.",
            ["events", "put-rule", "--name", "bad"]
        },
        {
            "ValidationException", "1 validation error detected: Value 'bad name' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+",
            ["events", "put-rule", "--name", "bad name", "--event-pattern", """{"source":["a"]}"""]
        },
        {
            "ResourceNotFoundException", "Rule nope does not exist on EventBus default.",
            ["events", "put-targets", "--rule", "nope", "--targets", "Id=a,Arn=https://example.com/"]
        },
        {
            "ValidationException", "Parameter(s) Arn is not valid. Reason: Contrail targets are an http(s) URL (a webhook) or arn:contrail:logs:::NAME (a log file); got 'arn:aws:sns:us-east-1:111122223333:topic'.",
            ["events", "put-targets", "--rule", "nope", "--targets", "Id=a,Arn=arn:aws:sns:us-east-1:111122223333:topic"]
        },
        {
            "ResourceNotFoundException", "Event bus custom does not exist.",
            ["events", "describe-rule", "--name", "x", "--event-bus-name", "custom"]
        },
        {
            "ResourceNotFoundException", "Rule nope does not exist on EventBus default.",
            ["events", "enable-rule", "--name", "nope"]
        },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Errors_AsEventBridgeAnswersThem(string code, string message, string[] args) => await FailsAsync(_server, code, message, args);

    [Fact]
    public async Task TestEventPattern_MatchesAndMisses()
    {
        const string Event = """{"id":"1","account":"111122223333","source":"aws.iam","time":"2026-12-02T10:00:00Z","region":"us-east-1","resources":[],"detail-type":"AWS API Call via CloudTrail","detail":{"eventName":"DeleteUser"}}""";
        (await OkAsync(_server, "events", "test-event-pattern", "--event-pattern", Pattern, "--event", Event)).GetProperty("Result").GetBoolean().ShouldBeTrue();
        (await OkAsync(_server, "events", "test-event-pattern", "--event-pattern", Pattern, "--event", Event.Replace("DeleteUser", "CreateUser", StringComparison.Ordinal)))
            .GetProperty("Result").GetBoolean().ShouldBeFalse();
        await FailsAsync(_server, "ValidationException", "Parameter Event is not valid.",
            "events", "test-event-pattern", "--event-pattern", Pattern, "--event", """{"source":"aws.iam"}""");
    }

    [Fact]
    public async Task Rules_SurviveARestart()
    {
        var directory = TempDirectory.Create("rules-restart");
        try
        {
            await using (var server = await TestServer.StartAsync(directory))
            {
                await OkAsync(server, "events", "put-rule", "--name", "kept", "--event-pattern", Pattern, "--state", "DISABLED");
                await OkAsync(server, "events", "put-targets", "--rule", "kept", "--targets", "Id=f,Arn=arn:contrail:logs:::kept");
            }

            await using (var server = await TestServer.StartAsync(directory))
            {
                var rule = await OkAsync(server, "events", "describe-rule", "--name", "kept");
                rule.GetProperty("State").GetString().ShouldBe("DISABLED");
                rule.GetProperty("EventPattern").GetString().ShouldBe(Pattern);
                (await OkAsync(server, "events", "list-targets-by-rule", "--rule", "kept")).GetProperty("Targets")[0].GetProperty("Arn").GetString()
                    .ShouldBe("arn:contrail:logs:::kept");
            }
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }
}
