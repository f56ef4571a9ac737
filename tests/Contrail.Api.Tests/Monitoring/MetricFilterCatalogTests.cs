using Contrail.Api.Logs.MetricFilters;
using Contrail.Api.Service;
using Contrail.Api.Tests.Support;
using Contrail.Monitoring.MetricFilters;

namespace Contrail.Api.Tests.Monitoring;

public sealed class MetricFilterCatalogTests : IDisposable
{
    private readonly string _directory = TempDirectory.Create("metric-filter-catalog");

    public void Dispose() => TempDirectory.Delete(_directory);

    private MetricFilterCatalog Open() =>
        new(new ContrailSettings(_directory, new ServiceIdentity(TestServer.AccountId, TestServer.Region), TestServer.AccessKeyId, TestServer.Secret));

    private static MetricFilterDefinition Filter(string group, string name, double? defaultValue = null, Dictionary<string, string>? dimensions = null) =>
        new(group, name, "{ $.eventName = \"ConsoleLogin\" }", new MetricTransformation("Logins", "Audit", "1", defaultValue, dimensions ?? [], "Count"), 1767225600000);

    [Fact]
    public void File_Golden_TheFormatOfDocsDevMetricFilters()
    {
        var catalog = Open();
        catalog.Put(Filter("group-b", "logins", defaultValue: 0));
        catalog.Put(Filter("group-a", "by-user", dimensions: new() { ["User"] = "$.userIdentity.userName" }));

        File.ReadAllText(catalog.FilePath).ShouldBe("""
            {
              "Version": 1,
              "Filters": [
                {
                  "LogGroupName": "group-a",
                  "FilterName": "by-user",
                  "FilterPattern": "{ $.eventName = \u0022ConsoleLogin\u0022 }",
                  "Transformation": {
                    "MetricName": "Logins",
                    "MetricNamespace": "Audit",
                    "MetricValue": "1",
                    "Dimensions": {
                      "User": "$.userIdentity.userName"
                    },
                    "Unit": "Count"
                  },
                  "CreationTime": 1767225600000
                },
                {
                  "LogGroupName": "group-b",
                  "FilterName": "logins",
                  "FilterPattern": "{ $.eventName = \u0022ConsoleLogin\u0022 }",
                  "Transformation": {
                    "MetricName": "Logins",
                    "MetricNamespace": "Audit",
                    "MetricValue": "1",
                    "DefaultValue": 0,
                    "Dimensions": {},
                    "Unit": "Count"
                  },
                  "CreationTime": 1767225600000
                }
              ]
            }
            """);
    }

    [Fact]
    public void Reopen_ReadsBackEveryFilter_AndCompilesThemByLogGroup()
    {
        var catalog = Open();
        catalog.Put(Filter("group-b", "logins", defaultValue: 0));
        catalog.Put(Filter("group-a", "by-user", dimensions: new() { ["User"] = "$.userIdentity.userName" }));

        var reopened = Open();

        static string Describe(MetricFilterDefinition f) =>
            $"{f.LogGroupName}/{f.FilterName} {f.FilterPattern} {f.Transformation.DefaultValue} {string.Join(",", f.Transformation.Dimensions)} {f.CreationTime}";
        reopened.List().Select(Describe).ShouldBe(catalog.List().Select(Describe));
        reopened.Compiled.Keys.Order(StringComparer.Ordinal).ShouldBe(["group-a", "group-b"]);
        reopened.Remove("group-a", "by-user").ShouldBeTrue();
        reopened.Remove("group-a", "by-user").ShouldBeFalse();
        Open().List().Select(f => f.FilterName).ShouldBe(["logins"]);
    }
}
