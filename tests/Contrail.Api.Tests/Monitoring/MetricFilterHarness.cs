using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.Monitoring;

/// <summary>The AWS CLI against a server for the metric filter tests: a trail that sends to a log group, and /metrics read back.</summary>
internal static partial class MetricFilterHarness
{
    public const string LogGroup = "CloudTrail/contrail-metrics";

    public static string LogGroupArn(string name = LogGroup) => $"arn:aws:logs:{TestServer.Region}:{TestServer.AccountId}:log-group:{name}:*";

    public static Task<ProcessResult> AwsAsync(TestServer server, params string[] args) =>
        Processes.AwsAsync(server.ClientEnvironment(), [.. args, "--endpoint-url", server.Endpoint.ToString().TrimEnd('/'), "--output", "json"]);

    public static async Task<JsonElement> OkAsync(TestServer server, params string[] args)
    {
        var result = await AwsAsync(server, args);
        result.ExitCode.ShouldBe(0, result.Stderr);
        return result.Stdout.Trim().Length == 0 ? default : JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    /// <summary>Runs a call that must fail and checks the error code and message as the CLI prints them.</summary>
    public static async Task FailsAsync(TestServer server, string code, string message, params string[] args)
    {
        var result = await AwsAsync(server, args);
        result.ExitCode.ShouldNotBe(0, result.Stdout);
        var operation = args[1].Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]);
        result.Stderr.Trim().ShouldBe($"An error occurred ({code}) when calling the {string.Concat(operation)} operation: {message}");
    }

    /// <summary>A multi-region trail (global service events included) that sends to <paramref name="logGroup"/>.</summary>
    public static Task CreateTrailAsync(TestServer server, string name, string logGroup = LogGroup) =>
        OkAsync(server, "cloudtrail", "create-trail", "--name", name, "--s3-bucket-name", "metrics-bucket", "--is-multi-region-trail",
            "--cloud-watch-logs-log-group-arn", LogGroupArn(logGroup), "--cloud-watch-logs-role-arn", $"arn:aws:iam::{TestServer.AccountId}:role/CloudTrail_CloudWatchLogs");

    public static async Task<string> GetMetricsAsync(Uri endpoint)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(endpoint, "/metrics"));
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/plain; version=0.0.4; charset=utf-8");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The running totals of <c>contrail_metric_filter_value_total</c> without dimensions, by namespace/name.</summary>
    public static Dictionary<string, double> Totals(string exposition) =>
        TotalLine().Matches(exposition).ToDictionary(m => m.Groups["ns"].Value + "/" + m.Groups["name"].Value,
            m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    /// <summary>One unlabelled sample (<c>contrail_metric_filter_records_total 12</c>); null when absent.</summary>
    public static double? Single(string exposition, string name) =>
        Regex.Match(exposition, "^" + Regex.Escape(name) + " (?<v>\\S+)$", RegexOptions.Multiline) is { Success: true } m
            ? double.Parse(m.Groups["v"].Value, CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex("^contrail_metric_filter_value_total\\{namespace=\"(?<ns>[^\"]*)\",metric_name=\"(?<name>[^\"]*)\"\\} (?<value>\\S+)$", RegexOptions.Multiline)]
    private static partial Regex TotalLine();
}
