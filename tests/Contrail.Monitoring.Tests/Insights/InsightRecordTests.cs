using System.Text;
using System.Text.Json;
using Contrail.Monitoring.Insights;

namespace Contrail.Monitoring.Tests.Insights;

public sealed class InsightRecordTests
{
    private static InsightOccurrence Occurrence(InsightState state, string? errorCode) => new(
        new InsightSeriesKey(errorCode is null ? InsightType.ApiCallRateInsight : InsightType.ApiErrorRateInsight, "us-east-1", "autoscaling.amazonaws.com", "CompleteLifecycleAction", errorCode),
        "Management",
        state,
        "0f6a5f4e-8b7c-8d2e-9f10-111213141516",
        "7bb0a0e4-22b3-8c03-94af-c74e30c8e7c0",
        new DateTimeOffset(2020, 7, 21, 20, 56, 0, TimeSpan.Zero),
        0.0000882145,
        0.01,
        10,
        0.6,
        5,
        11336,
        [
            new InsightAttribution("userIdentityArn", [new("arn:aws:sts::012345678901:assumed-role/CodeDeployRole1", 0.2)], [new("arn:aws:sts::012345678901:assumed-role/CodeDeployRole1", 0.0000882145)]),
            new InsightAttribution("userAgent", [new("codedeploy.amazonaws.com", 0.6)], [new("codedeploy.amazonaws.com", 0.0000882145)]),
            new InsightAttribution("errorCode", [new("null", 0.6)], []),
        ]);

    [Fact]
    public void Write_CallRateStart_IsCloudTrailsShapeByteForByte()
    {
        var json = Encoding.UTF8.GetString(InsightRecord.Write(Occurrence(InsightState.Start, null), "838185438692"));

        json.ShouldBe(
            "{\"eventVersion\":\"1.08\",\"eventTime\":\"2020-07-21T20:56:00Z\",\"awsRegion\":\"us-east-1\",\"eventID\":\"0f6a5f4e-8b7c-8d2e-9f10-111213141516\","
            + "\"eventType\":\"AwsCloudTrailInsight\",\"recipientAccountId\":\"838185438692\",\"sharedEventID\":\"7bb0a0e4-22b3-8c03-94af-c74e30c8e7c0\","
            + "\"insightDetails\":{\"state\":\"Start\",\"eventSource\":\"autoscaling.amazonaws.com\",\"eventName\":\"CompleteLifecycleAction\",\"insightType\":\"ApiCallRateInsight\","
            + "\"insightContext\":{\"statistics\":{\"baseline\":{\"average\":0.0000882145},\"insight\":{\"average\":0.6},\"insightDuration\":5,\"baselineDuration\":11336},"
            + "\"attributions\":[{\"attribute\":\"userIdentityArn\",\"insight\":[{\"value\":\"arn:aws:sts::012345678901:assumed-role/CodeDeployRole1\",\"average\":0.2}],"
            + "\"baseline\":[{\"value\":\"arn:aws:sts::012345678901:assumed-role/CodeDeployRole1\",\"average\":0.0000882145}]},"
            + "{\"attribute\":\"userAgent\",\"insight\":[{\"value\":\"codedeploy.amazonaws.com\",\"average\":0.6}],\"baseline\":[{\"value\":\"codedeploy.amazonaws.com\",\"average\":0.0000882145}]},"
            + "{\"attribute\":\"errorCode\",\"insight\":[{\"value\":\"null\",\"average\":0.6}],\"baseline\":[]}]}},\"eventCategory\":\"Insight\"}");
    }

    [Fact]
    public void Write_ErrorRateEnd_NamesTheErrorCodeInInsightDetails()
    {
        using var document = JsonDocument.Parse(InsightRecord.Write(Occurrence(InsightState.End, "AccessDenied"), "838185438692"));
        var details = document.RootElement.GetProperty("insightDetails");

        details.GetProperty("state").GetString().ShouldBe("End");
        details.GetProperty("insightType").GetString().ShouldBe("ApiErrorRateInsight");
        details.GetProperty("errorCode").GetString().ShouldBe("AccessDenied");
        document.RootElement.TryGetProperty("userIdentity", out _).ShouldBeFalse();
        document.RootElement.TryGetProperty("eventSource", out _).ShouldBeFalse();
    }
}
