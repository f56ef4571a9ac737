using System.Text;
using Contrail.Api.Rules;
using Contrail.Api.Service;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.Rules;

/// <summary>The persisted rule catalog, <c>DATA_DIR/rules/rules.json</c> (docs/dev/rules.md): fails when its bytes change.</summary>
public sealed class RuleCatalogGoldenTests
{
    private const string Golden = """
        {
          "Version": 1,
          "Rules": [
            {
              "Name": "a-rule",
              "EventPattern": "{\u0022source\u0022:[\u0022aws.iam\u0022]}",
              "State": "DISABLED",
              "CreatedAt": 1764669600000,
              "Targets": []
            },
            {
              "Name": "b-rule",
              "EventPattern": "{\u0022detail\u0022:{\u0022eventName\u0022:[{\u0022prefix\u0022:\u0022Delete\u0022}]}}",
              "State": "ENABLED",
              "Description": "deletions",
              "CreatedAt": 1764669600001,
              "Targets": [
                {
                  "Id": "hook",
                  "Arn": "https://hooks.example.com/contrail"
                },
                {
                  "Id": "file",
                  "Arn": "arn:contrail:logs:::deletions",
                  "Input": "{\u0022alert\u0022:true}"
                }
              ]
            }
          ]
        }
        """;

    [Fact]
    public void Catalog_WritesTheDocumentedBytes_AndReadsThemBack()
    {
        var directory = TempDirectory.Create("rules-golden");
        try
        {
            var settings = new ContrailSettings(directory, new ServiceIdentity("111122223333", "us-east-1", null), "AKIA", "secret");
            var catalog = new RuleCatalog(settings);
            catalog.Put("b-rule", """{"detail":{"eventName":[{"prefix":"Delete"}]}}""", EventRule.Enabled, "deletions", 1764669600001).ShouldBeTrue();
            catalog.Put("a-rule", """{"source":["aws.iam"]}""", EventRule.Disabled, null, 1764669600000).ShouldBeTrue();
            catalog.PutTargets("b-rule", [new RuleTarget("hook", "https://hooks.example.com/contrail", null), new RuleTarget("file", "arn:contrail:logs:::deletions", """{"alert":true}""")])
                .ShouldBe([]);
            File.ReadAllText(catalog.FilePath, Encoding.UTF8).ReplaceLineEndings("\n").ShouldBe(Golden.ReplaceLineEndings("\n"));

            var reloaded = new RuleCatalog(settings);
            reloaded.List().Select(r => r.Name).ShouldBe(["a-rule", "b-rule"]);
            reloaded.Enabled.ShouldHaveSingleItem().Targets.Select(t => t.Kind).ShouldBe([RuleTargetKind.Webhook, RuleTargetKind.LogFile]);
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }
}
