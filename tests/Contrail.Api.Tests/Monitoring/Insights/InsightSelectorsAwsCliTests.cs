using System.Text.Json;
using Contrail.Api.Tests.Support;
using static Contrail.Api.Tests.Monitoring.MetricFilterHarness;

namespace Contrail.Api.Tests.Monitoring.Insights;

/// <summary><c>aws cloudtrail put-insight-selectors / get-insight-selectors</c> (the real AWS CLI v1) against the server on loopback.</summary>
public sealed class InsightSelectorsAwsCliTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        await OkAsync(_server, "cloudtrail", "create-trail", "--name", "trail-one", "--s3-bucket-name", "insight-selectors-bucket");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Arn(string name) => $"arn:aws:cloudtrail:{TestServer.Region}:{TestServer.AccountId}:trail/{name}";

    [Fact]
    public async Task PutGet_RoundTrip_AndDescribeTrailsSaysSo()
    {
        await FailsAsync(_server, "InsightNotEnabledException", "Trail trail-one does not have Insights enabled. Run PutInsightSelectors to enable Insights.",
            "cloudtrail", "get-insight-selectors", "--trail-name", "trail-one");
        (await OkAsync(_server, "cloudtrail", "describe-trails")).GetProperty("trailList")[0].GetProperty("HasInsightSelectors").GetBoolean().ShouldBeFalse();

        var put = await OkAsync(_server, "cloudtrail", "put-insight-selectors", "--trail-name", "trail-one",
            "--insight-selectors", "[{\"InsightType\":\"ApiCallRateInsight\"},{\"InsightType\":\"ApiErrorRateInsight\",\"EventCategories\":[\"Management\",\"Data\"]}]");
        put.GetProperty("TrailARN").GetString().ShouldBe(Arn("trail-one"));
        put.GetProperty("InsightSelectors").GetArrayLength().ShouldBe(2);

        var got = await OkAsync(_server, "cloudtrail", "get-insight-selectors", "--trail-name", Arn("trail-one"));
        got.GetProperty("TrailARN").GetString().ShouldBe(Arn("trail-one"));
        var selectors = got.GetProperty("InsightSelectors").EnumerateArray().ToList();
        selectors.Select(s => s.GetProperty("InsightType").GetString()).ShouldBe(["ApiCallRateInsight", "ApiErrorRateInsight"]);
        selectors[0].TryGetProperty("EventCategories", out _).ShouldBeFalse();
        selectors[1].GetProperty("EventCategories").EnumerateArray().Select(c => c.GetString()).ShouldBe(["Management", "Data"]);
        (await OkAsync(_server, "cloudtrail", "describe-trails")).GetProperty("trailList")[0].GetProperty("HasInsightSelectors").GetBoolean().ShouldBeTrue();

        // An empty list turns Insights off.
        (await OkAsync(_server, "cloudtrail", "put-insight-selectors", "--trail-name", "trail-one", "--insight-selectors", "[]"))
            .GetProperty("InsightSelectors").GetArrayLength().ShouldBe(0);
        await FailsAsync(_server, "InsightNotEnabledException", "Trail trail-one does not have Insights enabled. Run PutInsightSelectors to enable Insights.",
            "cloudtrail", "get-insight-selectors", "--trail-name", "trail-one");
    }

    [Theory]
    [InlineData("[{\"InsightType\":\"ApiCallRateInsight\"},{\"InsightType\":\"ApiCallRateInsight\"}]", "InsightType ApiCallRateInsight appears more than once in InsightSelectors.")]
    [InlineData("[{\"InsightType\":\"ApiCallRateInsight\",\"EventCategories\":[\"Insight\"]}]", "EventCategories may hold Management and Data; got 'Insight'.")]
    public async Task Put_InvalidSelectors_AreRefusedAndChangeNothing(string selectors, string message)
    {
        await FailsAsync(_server, "InvalidInsightSelectorsException", message,
            "cloudtrail", "put-insight-selectors", "--trail-name", "trail-one", "--insight-selectors", selectors);
        (await AwsAsync(_server, "cloudtrail", "get-insight-selectors", "--trail-name", "trail-one")).ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public async Task Put_UnknownTypeOrTrail_AreRefused()
    {
        // The CLI checks the enum itself only in v2: v1 sends it, and the server refuses it.
        var result = await AwsAsync(_server, "cloudtrail", "put-insight-selectors", "--trail-name", "trail-one", "--insight-selectors", "[{\"InsightType\":\"ApiLatencyInsight\"}]");
        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain("InvalidInsightSelectorsException");
        await FailsAsync(_server, "TrailNotFoundException", $"Unknown trail: nope for the user: {TestServer.AccountId}",
            "cloudtrail", "put-insight-selectors", "--trail-name", "nope", "--insight-selectors", "[{\"InsightType\":\"ApiCallRateInsight\"}]");
    }

    [Fact]
    public async Task Put_TrailThatLogsNoWriteManagementEvents_RefusesCallRateButTakesErrorRate()
    {
        await OkAsync(_server, "cloudtrail", "put-event-selectors", "--trail-name", "trail-one",
            "--event-selectors", "[{\"ReadWriteType\":\"ReadOnly\",\"IncludeManagementEvents\":true}]");

        await FailsAsync(_server, "InvalidInsightSelectorsException", "ApiCallRateInsight needs the trail trail-one to log write management events; its event selectors exclude them.",
            "cloudtrail", "put-insight-selectors", "--trail-name", "trail-one", "--insight-selectors", "[{\"InsightType\":\"ApiCallRateInsight\"}]");
        await OkAsync(_server, "cloudtrail", "put-insight-selectors", "--trail-name", "trail-one", "--insight-selectors", "[{\"InsightType\":\"ApiErrorRateInsight\"}]");
    }
}
