using System.Text.Json;
using Contrail.Api.Logs.MetricFilters;
using Contrail.Api.Tests.Support;
using Contrail.Monitoring.MetricFilters;
using Microsoft.Extensions.DependencyInjection;
using static Contrail.Api.Tests.Monitoring.MetricFilterHarness;

namespace Contrail.Api.Tests.Monitoring;

/// <summary><c>aws logs put/describe/delete-metric-filter</c> (the real AWS CLI v1) against the server on loopback.</summary>
public sealed class MetricFiltersAwsCliTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        await CreateTrailAsync(_server, "metrics-trail");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string[] Put(string name, string pattern, string transformation) =>
        ["logs", "put-metric-filter", "--log-group-name", LogGroup, "--filter-name", name, "--filter-pattern", pattern, "--metric-transformations", transformation];

    [Fact]
    public async Task PutDescribeDelete_RoundTrip_EchoesEveryMemberAndKeepsTheCreationTimeOnReplace()
    {
        await OkAsync(_server, Put("by-source", "{ $.errorCode = \"AccessDenied*\" }",
            "metricName=Denied,metricNamespace=Audit,metricValue=$.count,unit=Count,dimensions={Source=$.eventSource,User=$.userIdentity.userName}"));

        var described = await OkAsync(_server, "logs", "describe-metric-filters", "--log-group-name", LogGroup);
        var filter = described.GetProperty("metricFilters").EnumerateArray().ShouldHaveSingleItem();
        filter.GetProperty("filterName").GetString().ShouldBe("by-source");
        filter.GetProperty("filterPattern").GetString().ShouldBe("{ $.errorCode = \"AccessDenied*\" }");
        filter.GetProperty("logGroupName").GetString().ShouldBe(LogGroup);
        var created = filter.GetProperty("creationTime").GetInt64();
        created.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var transformation = filter.GetProperty("metricTransformations").EnumerateArray().ShouldHaveSingleItem();
        transformation.GetProperty("metricName").GetString().ShouldBe("Denied");
        transformation.GetProperty("metricNamespace").GetString().ShouldBe("Audit");
        transformation.GetProperty("metricValue").GetString().ShouldBe("$.count");
        transformation.GetProperty("unit").GetString().ShouldBe("Count");
        transformation.TryGetProperty("defaultValue", out _).ShouldBeFalse();
        transformation.GetProperty("dimensions").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}")
            .ShouldBe(["Source=$.eventSource", "User=$.userIdentity.userName"]);

        await OkAsync(_server, Put("by-source", "{ $.errorCode = * }", "metricName=Errors,metricNamespace=Audit,metricValue=2.5,defaultValue=0"));
        var replaced = (await OkAsync(_server, "logs", "describe-metric-filters", "--log-group-name", LogGroup))
            .GetProperty("metricFilters").EnumerateArray().ShouldHaveSingleItem();
        replaced.GetProperty("filterPattern").GetString().ShouldBe("{ $.errorCode = * }");
        replaced.GetProperty("creationTime").GetInt64().ShouldBe(created);
        var after = replaced.GetProperty("metricTransformations")[0];
        after.GetProperty("metricValue").GetString().ShouldBe("2.5");
        after.GetProperty("defaultValue").GetDouble().ShouldBe(0);
        after.TryGetProperty("dimensions", out _).ShouldBeFalse();

        await OkAsync(_server, "logs", "delete-metric-filter", "--log-group-name", LogGroup, "--filter-name", "by-source");
        (await OkAsync(_server, "logs", "describe-metric-filters", "--log-group-name", LogGroup)).GetProperty("metricFilters").GetArrayLength().ShouldBe(0);
        await FailsAsync(_server, "ResourceNotFoundException", "The specified metric filter does not exist.",
            "logs", "delete-metric-filter", "--log-group-name", LogGroup, "--filter-name", "by-source");
    }

    [Fact]
    public async Task DescribeMetricFilters_Paging_ReturnsEveryFilterOnceInNameOrder()
    {
        var names = Enumerable.Range(0, 7).Select(i => $"f-{(char)('g' - i)}").ToList();
        foreach (var name in names)
        {
            await OkAsync(_server, Put(name, "{ $.eventName = X }", $"metricName=M{name},metricNamespace=Paging,metricValue=1"));
        }

        // The CLI follows nextToken itself: pages of 3.
        var all = await OkAsync(_server, "logs", "describe-metric-filters", "--log-group-name", LogGroup, "--page-size", "3");
        all.GetProperty("metricFilters").EnumerateArray().Select(f => f.GetProperty("filterName").GetString())
            .ShouldBe(names.Order(StringComparer.Ordinal));

        var first = await OkAsync(_server, "logs", "describe-metric-filters", "--log-group-name", LogGroup, "--max-items", "4");
        first.GetProperty("metricFilters").GetArrayLength().ShouldBe(4);
        var rest = await OkAsync(_server, "logs", "describe-metric-filters", "--log-group-name", LogGroup, "--max-items", "4",
            "--starting-token", first.GetProperty("NextToken").GetString()!);
        first.GetProperty("metricFilters").EnumerateArray().Concat(rest.GetProperty("metricFilters").EnumerateArray())
            .Select(f => f.GetProperty("filterName").GetString()).ShouldBe(names.Order(StringComparer.Ordinal));
        rest.TryGetProperty("NextToken", out _).ShouldBeFalse();

        var prefixed = await OkAsync(_server, "logs", "describe-metric-filters", "--log-group-name", LogGroup, "--filter-name-prefix", "f-a");
        prefixed.GetProperty("metricFilters").EnumerateArray().Select(f => f.GetProperty("filterName").GetString()).ShouldBe(["f-a"]);
        var byMetric = await OkAsync(_server, "logs", "describe-metric-filters", "--metric-name", "Mf-c", "--metric-namespace", "Paging");
        byMetric.GetProperty("metricFilters").EnumerateArray().Select(f => f.GetProperty("filterName").GetString()).ShouldBe(["f-c"]);

        await FailsAsync(_server, "InvalidParameterException", "The specified nextToken is invalid.",
            "logs", "describe-metric-filters", "--log-group-name", LogGroup, "--next-token", "not-a-token");
    }

    [Fact]
    public async Task PutMetricFilter_TheHundredAndFirstFilterOfALogGroup_IsLimitExceeded()
    {
        var catalog = _server.Services.GetRequiredService<MetricFilterCatalog>();
        for (var i = 0; i < 99; i++)
        {
            catalog.Put(new MetricFilterDefinition(LogGroup, $"bulk-{i:D3}", "{ $.a = 1 }",
                new MetricTransformation("Bulk", "Limits", "1", null, new Dictionary<string, string>(), null), 0))
                .ShouldBe(MetricFilterPutOutcome.Added);
        }

        await OkAsync(_server, Put("the-100th", "{ $.a = 1 }", "metricName=Bulk,metricNamespace=Limits,metricValue=1"));
        await FailsAsync(_server, "LimitExceededException", "Resource limit exceeded.",
            Put("the-101st", "{ $.a = 1 }", "metricName=Bulk,metricNamespace=Limits,metricValue=1"));
        // Replacing one of the hundred is not a new filter.
        await OkAsync(_server, Put("the-100th", "{ $.a = 2 }", "metricName=Bulk,metricNamespace=Limits,metricValue=1"));
    }

    public static TheoryData<string, string, string[]> Errors => new()
    {
        {
            "ResourceNotFoundException", "The specified log group does not exist.",
            ["logs", "put-metric-filter", "--log-group-name", "no-such-group", "--filter-name", "f", "--filter-pattern", "", "--metric-transformations", "metricName=M,metricNamespace=N,metricValue=1"]
        },
        {
            "ResourceNotFoundException", "The specified log group does not exist.",
            ["logs", "describe-metric-filters", "--log-group-name", "no-such-group"]
        },
        {
            "ResourceNotFoundException", "The specified log group does not exist.",
            ["logs", "delete-metric-filter", "--log-group-name", "no-such-group", "--filter-name", "f"]
        },
        {
            "InvalidParameterException", "Invalid metric filter pattern: expected a comparison operator, IS or NOT EXISTS at 14 (0-based character position).",
            ["logs", "put-metric-filter", "--log-group-name", LogGroup, "--filter-name", "f", "--filter-pattern", "{ $.eventName }", "--metric-transformations", "metricName=M,metricNamespace=N,metricValue=1"]
        },
        {
            "InvalidParameterException", "Invalid metric filter pattern: expected a number at 8 (0-based character position).",
            ["logs", "test-metric-filter", "--filter-pattern", "{ $.a < abc }", "--log-event-messages", "{}"]
        },
        {
            "InvalidParameterException", "1 validation error detected: Value at 'filterPattern' failed to satisfy constraint: Member must have length less than or equal to 1024",
            ["logs", "put-metric-filter", "--log-group-name", LogGroup, "--filter-name", "f", "--filter-pattern", "{ $.a = \"" + new string('x', 1020) + "\" }", "--metric-transformations", "metricName=M,metricNamespace=N,metricValue=1"]
        },
        {
            "InvalidParameterException", "1 validation error detected: Value at 'filterName' failed to satisfy constraint: Member must have length less than or equal to 512",
            ["logs", "put-metric-filter", "--log-group-name", LogGroup, "--filter-name", new string('n', 513), "--filter-pattern", "", "--metric-transformations", "metricName=M,metricNamespace=N,metricValue=1"]
        },
        {
            "InvalidParameterException", "1 validation error detected: Value 'a:b' at 'filterName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*",
            ["logs", "put-metric-filter", "--log-group-name", LogGroup, "--filter-name", "a:b", "--filter-pattern", "", "--metric-transformations", "metricName=M,metricNamespace=N,metricValue=1"]
        },
        {
            "InvalidParameterException", "1 validation error detected: Value at 'metricTransformations' failed to satisfy constraint: Member must have length less than or equal to 1",
            ["logs", "put-metric-filter", "--log-group-name", LogGroup, "--filter-name", "f", "--filter-pattern", "", "--metric-transformations", "metricName=M,metricNamespace=N,metricValue=1", "metricName=O,metricNamespace=N,metricValue=1"]
        },
        {
            "InvalidParameterException", "A metric transformation can have at most 3 dimensions; got 4.",
            ["logs", "put-metric-filter", "--log-group-name", LogGroup, "--filter-name", "f", "--filter-pattern", "", "--metric-transformations", "metricName=M,metricNamespace=N,metricValue=1,dimensions={A=$.a,B=$.b,C=$.c,D=$.d}"]
        },
        {
            "InvalidParameterException", "A metric transformation with dimensions cannot have a default value.",
            ["logs", "put-metric-filter", "--log-group-name", LogGroup, "--filter-name", "f", "--filter-pattern", "", "--metric-transformations", "metricName=M,metricNamespace=N,metricValue=1,defaultValue=0,dimensions={A=$.a}"]
        },
        {
            "InvalidParameterException", "Invalid metric value 'one': a metric value is a number or a field selector such as $.bytes.",
            ["logs", "put-metric-filter", "--log-group-name", LogGroup, "--filter-name", "f", "--filter-pattern", "", "--metric-transformations", "metricName=M,metricNamespace=N,metricValue=one"]
        },
        {
            "InvalidParameterException", "1 validation error detected: Value 'a$b' at 'metricTransformations.1.member.metricName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*$]*",
            ["logs", "put-metric-filter", "--log-group-name", LogGroup, "--filter-name", "f", "--filter-pattern", "", "--metric-transformations", "metricName=a$b,metricNamespace=N,metricValue=1"]
        },
        {
            "InvalidParameterException", "metricName and metricNamespace must be specified together.",
            ["logs", "describe-metric-filters", "--metric-name", "M"]
        },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Call_WithBadInput_AnswersTheCloudWatchLogsError(string code, string message, string[] args)
    {
        await FailsAsync(_server, code, message, args);
        (await OkAsync(_server, "logs", "describe-metric-filters", "--log-group-name", LogGroup)).GetProperty("metricFilters").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Calls_AreAuditedAsLogsEvents()
    {
        await OkAsync(_server, Put("audited", "{ $.eventName = X }", "metricName=M,metricNamespace=N,metricValue=1"));
        await FailsAsync(_server, "ResourceNotFoundException", "The specified log group does not exist.",
            "logs", "describe-metric-filters", "--log-group-name", "nothing-here");

        var found = await Eventually.WaitAsync(
            () => OkAsync(_server, "cloudtrail", "lookup-events", "--lookup-attributes", "AttributeKey=EventSource,AttributeValue=logs.amazonaws.com"),
            r => r.GetProperty("Events").GetArrayLength() >= 2, what: "the logs calls in event history");
        var records = found.GetProperty("Events").EnumerateArray().Select(e => JsonDocument.Parse(e.GetProperty("CloudTrailEvent").GetString()!).RootElement).ToList();
        var put = records.Single(r => r.GetProperty("eventName").GetString() == "PutMetricFilter");
        put.GetProperty("requestParameters").GetProperty("filterName").GetString().ShouldBe("audited");
        put.GetProperty("readOnly").GetBoolean().ShouldBeFalse();
        put.GetProperty("resources")[0].GetProperty("ARN").GetString().ShouldBe($"arn:aws:logs:{TestServer.Region}:{TestServer.AccountId}:log-group:{LogGroup}");
        var refused = records.Single(r => r.GetProperty("eventName").GetString() == "DescribeMetricFilters");
        refused.GetProperty("errorCode").GetString().ShouldBe("ResourceNotFoundException");
        refused.GetProperty("readOnly").GetBoolean().ShouldBeTrue();
    }
}
