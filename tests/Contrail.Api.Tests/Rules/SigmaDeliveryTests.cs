using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Contrail.Api.Rules.Delivery;
using Contrail.Api.Rules.Sigma;
using Contrail.Api.Tests.Support;
using Contrail.Monitoring.Rules.Sigma;
using Contrail.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Contrail.Api.Tests.Rules;

/// <summary>The shared Sigma rules loaded into the service: ingested records that a supported rule matches reach its target.</summary>
public sealed class SigmaDeliveryTests
{
    private static readonly string RulesPath = SharedData.Path("rules", "sigma-aws-cloudtrail-rules.json");

    [Fact]
    public async Task IngestedCandidateEvents_MatchingSigmaRules_AreAppendedToTheSigmaTarget()
    {
        var rules = SigmaRuleSet.LoadFile(RulesPath);
        using var file = JsonDocument.Parse(File.ReadAllBytes(RulesPath));
        var byId = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);

        // One positive and one near miss of each supported rule that has both, with an eventTime (ingestion needs one).
        var events = new List<JsonObject>();
        foreach (var entry in file.RootElement.GetProperty("rules").EnumerateArray())
        {
            if (!byId[entry.GetProperty("id").GetString()!].Supported)
            {
                continue;
            }

            foreach (var kind in new[] { "candidate_positive_events", "candidate_negative_events" })
            {
                var candidate = entry.GetProperty(kind).EnumerateArray().Select(c => c.GetProperty("event"))
                    .FirstOrDefault(e => e.TryGetProperty("eventTime", out var t) && t.ValueKind == JsonValueKind.String && e.TryGetProperty("eventSource", out _));
                if (candidate.ValueKind == JsonValueKind.Object)
                {
                    var record = JsonNode.Parse(candidate.GetRawText())!.AsObject();
                    record["eventID"] = Guid.NewGuid().ToString("D");
                    events.Add(record);
                }
            }
        }

        events.Count.ShouldBeGreaterThan(20);
        await using var server = await TestServer.StartAsync(configure: s => s with { SigmaRules = new SigmaRuleSettings(RulesPath, "arn:contrail:logs:::sigma") });
        server.Services.GetRequiredService<SigmaRules>().Supported.Count.ShouldBe(rules.Count(r => r.Supported));
        var body = "{\"Records\":[" + string.Join(",", events.Select(e => e.ToJsonString())) + "]}";
        var response = await server.Client.PutRecordsAsync(Encoding.UTF8.GetBytes(body), gzip: false);
        response.IsSuccess.ShouldBeTrue(response.Body);
        var accepted = JsonDocument.Parse(response.Body).RootElement.GetProperty("successful").EnumerateArray()
            .Select(s => events[s.GetProperty("index").GetInt32()]).ToList();
        accepted.Count.ShouldBeGreaterThan(20);

        // What each accepted record should produce: one line per supported rule it matches.
        var expected = new List<(string EventId, string Rule)>();
        foreach (var record in accepted)
        {
            using var document = JsonDocument.Parse(record.ToJsonString());
            expected.AddRange(rules.Where(r => r.Matches(document.RootElement)).Select(r => (record["eventID"]!.GetValue<string>(), SigmaRules.RuleName(r))));
        }

        expected.Count.ShouldBeGreaterThan(10);
        var journal = server.Services.GetRequiredService<Contrail.Journal.Journal>();
        var consumer = server.Services.GetRequiredService<RuleConsumer>();
        await Eventually.WaitAsync(() => Task.FromResult(consumer.SavedPosition), p => p == journal.CommittedPosition, what: "the rules position at the journal's end");
        var path = Path.Combine(server.DataDirectory, "rules", "logs", "sigma.jsonl");
        var lines = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("detail").GetProperty("eventID").GetString()).ToList();

        // The ingestion's own audit record (the root user calling IngestRecords) is journaled too, and a root-usage rule matches it.
        var own = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("detail").Clone())
            .Where(d => d.GetProperty("eventName").GetString() == "IngestRecords").DistinctBy(d => d.GetProperty("eventID").GetString()).ToList();
        own.Count.ShouldBeLessThanOrEqualTo(1);
        foreach (var detail in own)
        {
            expected.AddRange(rules.Where(r => r.Matches(detail)).Select(r => (detail.GetProperty("eventID").GetString()!, SigmaRules.RuleName(r))));
        }

        consumer.Matched.ShouldBe(expected.Count);
        lines.Order(StringComparer.Ordinal).ShouldBe(expected.Select(e => e.EventId).Order(StringComparer.Ordinal));
    }
}
