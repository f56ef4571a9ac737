using System.Text.Json;
using Contrail.Monitoring.Rules.Sigma;
using Contrail.Tests.Support;

namespace Contrail.Monitoring.Tests.Rules.Sigma;

/// <summary>The 66 SigmaHQ CloudTrail rules in ../shared/data/rules, against the candidate events recorded with them.</summary>
public sealed class SigmaSharedRulesTests
{
    private static readonly string RulesPath = SharedData.Path("rules", "sigma-aws-cloudtrail-rules.json");

    // Which rules are not supported, and why (by file name): the report docs/dev/rules.md shows.
    private static readonly Dictionary<string, string> ExpectedUnsupported = new(StringComparer.Ordinal)
    {
        ["aws_cloudtrail_console_login_success_from_susp_locations.yml"] = "modifier |expand on src_country",
        ["aws_update_login_profile.yml"] = "modifier |fieldref on userIdentity.arn",
        ["aws_ec2_download_userdata.yml"] = "aggregation in the condition 'selection_source | count() > 10'",
        ["aws_enum_backup.yml"] = "aggregation in the condition 'selection | count() > 5'",
        ["aws_enum_listing.yml"] = "aggregation in the condition 'selection_eventname | count() > 50'",
        ["aws_enum_network.yml"] = "aggregation in the condition 'selection | count() > 5'",
        ["aws_enum_storage.yml"] = "aggregation in the condition 'selection | count() > 5'",
        ["aws_lambda_function_created_or_invoked.yml"] = "aggregation in the condition 'selection1 | near selection2'",
        ["aws_macic_evasion.yml"] = "aggregation in the condition 'selection | count() by sourceIPAddress > 5'",
    };

    [Fact]
    public void Load_ReportsEachRuleSupportedOrWhyNot()
    {
        var rules = SigmaRuleSet.LoadFile(RulesPath);
        rules.Count.ShouldBe(66);
        var report = rules.Where(r => !r.Supported).ToDictionary(r => Path.GetFileName(r.File), r => r.Unsupported!, StringComparer.Ordinal);
        foreach (var (file, reason) in report)
        {
            Console.WriteLine($"{file}: {reason}");
        }

        report.ShouldBe(ExpectedUnsupported, ignoreOrder: true);
    }

    [Fact]
    public void SupportedRules_MatchEveryCandidatePositive_AndNoCandidateNegative()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(RulesPath));
        var rules = SigmaRuleSet.LoadFile(RulesPath).ToDictionary(r => r.Id, StringComparer.Ordinal);
        int positives = 0, negatives = 0, withPositives = 0;
        var failures = new List<string>();
        foreach (var entry in document.RootElement.GetProperty("rules").EnumerateArray())
        {
            var rule = rules[entry.GetProperty("id").GetString()!];
            if (!rule.Supported)
            {
                continue;
            }

            var candidates = entry.GetProperty("candidate_positive_events");
            withPositives += candidates.GetArrayLength() > 0 ? 1 : 0;
            foreach (var candidate in candidates.EnumerateArray())
            {
                positives++;
                if (!rule.Matches(candidate.GetProperty("event")))
                {
                    failures.Add($"{rule.File} missed {candidate.GetProperty("ref").GetString()}");
                }
            }

            foreach (var candidate in entry.GetProperty("candidate_negative_events").EnumerateArray())
            {
                negatives++;
                if (rule.Matches(candidate.GetProperty("event")))
                {
                    failures.Add($"{rule.File} matched the near miss {candidate.GetProperty("ref").GetString()}");
                }
            }
        }

        failures.ShouldBeEmpty();
        withPositives.ShouldBeGreaterThanOrEqualTo(25);
        positives.ShouldBeGreaterThan(50);
        negatives.ShouldBeGreaterThan(50);
    }
}
