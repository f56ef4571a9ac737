using System.Text;
using System.Text.Json;
using Contrail.Api.Tests.Support;
using Contrail.Monitoring.FilterPatterns;
using Contrail.Tests.Support;
using static Contrail.Api.Tests.Monitoring.MetricFilterHarness;

namespace Contrail.Api.Tests.Monitoring;

/// <summary>
/// <c>aws logs test-metric-filter</c> on the real CloudTrail samples: the matches must be exactly the
/// records the hand-written reading of the filter picks (tests/Shared/CisReadings.cs).
/// </summary>
public sealed class TestMetricFilterAwsCliTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    // Filters with positives in the samples (unauthorized calls, sign-in without MFA, IAM policy,
    // CloudTrail changes, security groups), and one with none (console sign-in failures).
    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("4")]
    [InlineData("5")]
    [InlineData("10")]
    [InlineData("6")]
    public async Task TestMetricFilter_OnTheSampleRecords_MatchesWhatThePlainReadingMatches(string id)
    {
        var filter = CisPack.Filters.Single(f => f.Id == id);
        var records = SampleRecords.Files().SelectMany(SampleRecords.Read).ToList();
        var expected = records.Select((r, i) => (r, i)).Where(x => CisReadings.Expected[id](x.r)).Select(x => x.i).ToList();

        var matched = new List<int>();
        for (var start = 0; start < records.Count; start += 50)
        {
            var chunk = records.Skip(start).Take(50).Select(r => Encoding.UTF8.GetString(SampleRecords.Compact(r))).ToList();
            var input = Path.Combine(Path.GetTempPath(), $"tmf-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(input, JsonSerializer.Serialize(new { filterPattern = filter.Pattern, logEventMessages = chunk }));
            try
            {
                var answer = await OkAsync(_server, "logs", "test-metric-filter", "--cli-input-json", "file://" + input);
                foreach (var match in answer.GetProperty("matches").EnumerateArray())
                {
                    var number = match.GetProperty("eventNumber").GetInt32();
                    match.GetProperty("eventMessage").GetString().ShouldBe(chunk[number - 1]);
                    matched.Add(start + number - 1);
                }
            }
            finally
            {
                File.Delete(input);
            }
        }

        matched.ShouldBe(expected);
        if (id != "6")
        {
            expected.ShouldNotBeEmpty();
        }
    }

    [Fact]
    public async Task TestMetricFilter_ExtractedValues_AreTheValuesOfTheSelectorsThePatternTests()
    {
        var answer = await OkAsync(_server, "logs", "test-metric-filter",
            "--filter-pattern", "{ ($.eventName = ConsoleLogin) && ($.responseElements.ConsoleLogin = \"Failure\") || $.n > 2 }",
            "--log-event-messages",
            """{"eventName":"ConsoleLogin","responseElements":{"ConsoleLogin":"Failure"}}""",
            """{"eventName":"ConsoleLogin","responseElements":{"ConsoleLogin":"Success"}}""",
            """{"n":3.5}""",
            "not json at all");

        var matches = answer.GetProperty("matches").EnumerateArray().ToList();
        matches.Select(m => m.GetProperty("eventNumber").GetInt32()).ShouldBe([1, 3]);
        matches[0].GetProperty("extractedValues").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}")
            .ShouldBe(["$.eventName=ConsoleLogin", "$.responseElements.ConsoleLogin=Failure"]);
        matches[1].GetProperty("extractedValues").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}").ShouldBe(["$.n=3.5"]);
    }

    [Fact]
    public async Task TestMetricFilter_MoreThanFiftyMessages_IsInvalidParameter()
    {
        var input = Path.Combine(Path.GetTempPath(), $"tmf-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(new { filterPattern = "", logEventMessages = Enumerable.Repeat("{}", 51) }));
        try
        {
            await FailsAsync(_server, "InvalidParameterException",
                "1 validation error detected: Value at 'logEventMessages' failed to satisfy constraint: Member must have length less than or equal to 50",
                "logs", "test-metric-filter", "--cli-input-json", "file://" + input);
        }
        finally
        {
            File.Delete(input);
        }
    }
}
