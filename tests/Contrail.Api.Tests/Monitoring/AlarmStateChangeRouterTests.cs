using System.Text.Json;
using Contrail.Api.Tests.Support;
using static Contrail.Api.Tests.Monitoring.MetricFilterHarness;

namespace Contrail.Api.Tests.Monitoring;

/// <summary>Alarm state changes reach the rules' targets (issue 6: "Alarm state changes go to the same targets"), driven by the real AWS CLI.</summary>
public sealed class AlarmStateChangeRouterTests
{
    [Fact]
    public async Task SetAlarmState_ToAlarm_IsDeliveredByARuleOnAwsCloudWatch_AndOkIsNot()
    {
        await using var server = await TestServer.StartAsync();
        await OkAsync(server, "events", "put-rule", "--name", "alarms", "--event-pattern",
            """{"source":["aws.cloudwatch"],"detail-type":["CloudWatch Alarm State Change"],"detail":{"state":{"value":["ALARM"]}}}""");
        await OkAsync(server, "events", "put-targets", "--rule", "alarms", "--targets", "Id=file,Arn=arn:contrail:logs:::alarms");
        await OkAsync(server, "cloudwatch", "put-metric-alarm", "--alarm-name", "root-usage", "--metric-name", "RootUsage", "--namespace", "CISBenchmark",
            "--statistic", "Sum", "--period", "60", "--evaluation-periods", "1", "--threshold", "1", "--comparison-operator", "GreaterThanOrEqualToThreshold");

        await OkAsync(server, "cloudwatch", "set-alarm-state", "--alarm-name", "root-usage", "--state-value", "ALARM", "--state-reason", "drill");
        await OkAsync(server, "cloudwatch", "set-alarm-state", "--alarm-name", "root-usage", "--state-value", "OK", "--state-reason", "drill over");
        await OkAsync(server, "cloudwatch", "set-alarm-state", "--alarm-name", "root-usage", "--state-value", "ALARM", "--state-reason", "second drill");

        var path = Path.Combine(server.DataDirectory, "rules", "logs", "alarms.jsonl");
        var lines = await Eventually.WaitAsync(() => Task.FromResult(File.Exists(path) ? File.ReadAllLines(path) : []), l => l.Length >= 2,
            TimeSpan.FromSeconds(30), "two ALARM changes in the rule's log file");

        lines.Length.ShouldBe(2);
        var events = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        events.ShouldAllBe(e => e.GetProperty("source").GetString() == "aws.cloudwatch" && e.GetProperty("detail").GetProperty("state").GetProperty("value").GetString() == "ALARM");
        events.Select(e => e.GetProperty("detail").GetProperty("state").GetProperty("reason").GetString()).ShouldBe(["drill", "second drill"]);
        events[0].GetProperty("resources")[0].GetString().ShouldBe($"arn:aws:cloudwatch:{TestServer.Region}:{TestServer.AccountId}:alarm:root-usage");
        events[1].GetProperty("detail").GetProperty("previousState").GetProperty("value").GetString().ShouldBe("OK");
    }
}
