using Contrail.Api.CloudWatch.Alarms;
using Contrail.Api.Service;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.CloudWatch;

/// <summary>
/// The bytes of <c>alarms.json</c> and of an <c>alarm-state-changes.jsonl</c> line (docs/dev/alarms.md): these
/// fail when the persisted formats change, so that the page and the readers change with them.
/// </summary>
public sealed class AlarmCatalogGoldenTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    private static MetricAlarm Alarm() => new("a \"quoted\" alarm", "arn:aws:cloudwatch:us-east-1:111122223333:alarm:a \"quoted\" alarm", "Too many",
        true, [], ["arn:aws:sns:us-east-1:111122223333:topic"], [], "Transfers", "App", "Sum", [new AlarmDimension("Source", "a.example.com")],
        60, "Count", 3, 2, 1.5, "GreaterThanThreshold", "breaching", 0, "", "", null, 0, 0);

    [Fact]
    public void Catalog_AfterPutAndATransition_WritesTheDocumentedFiles()
    {
        var directory = TempDirectory.Create("alarm-golden");
        try
        {
            var catalog = new AlarmCatalog(new ContrailSettings(directory, new ServiceIdentity("111122223333", "us-east-1"), "AKIA", "secret"));
            catalog.Put(Alarm(), Created);
            catalog.SetState("a \"quoted\" alarm", "ALARM", "by hand", "{\"x\":1}", Created.AddMinutes(1), out var found).ShouldNotBeNull();
            found.ShouldBeTrue();

            File.ReadAllText(catalog.FilePath).ShouldBe(Expected.Document);
            File.ReadAllText(catalog.StateChangesPath).ShouldBe(Expected.Line);

            // Read back by a new catalog: the same alarm, state and history.
            var again = new AlarmCatalog(new ContrailSettings(directory, new ServiceIdentity("111122223333", "us-east-1"), "AKIA", "secret"));
            again.List().Single().StateValue.ShouldBe("ALARM");
            again.History().Select(h => h.HistorySummary).ShouldBe(["Alarm \"a \"quoted\" alarm\" created", "Alarm updated from INSUFFICIENT_DATA to ALARM"]);
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    private static class Expected
    {
        public const string Document = """
            {
              "Version": 1,
              "NextSequence": 3,
              "Alarms": [
                {
                  "AlarmName": "a \u0022quoted\u0022 alarm",
                  "AlarmArn": "arn:aws:cloudwatch:us-east-1:111122223333:alarm:a \u0022quoted\u0022 alarm",
                  "AlarmDescription": "Too many",
                  "ActionsEnabled": true,
                  "OKActions": [],
                  "AlarmActions": [
                    "arn:aws:sns:us-east-1:111122223333:topic"
                  ],
                  "InsufficientDataActions": [],
                  "MetricName": "Transfers",
                  "Namespace": "App",
                  "Statistic": "Sum",
                  "Dimensions": [
                    {
                      "Name": "Source",
                      "Value": "a.example.com"
                    }
                  ],
                  "Period": 60,
                  "Unit": "Count",
                  "EvaluationPeriods": 3,
                  "DatapointsToAlarm": 2,
                  "Threshold": 1.5,
                  "ComparisonOperator": "GreaterThanThreshold",
                  "TreatMissingData": "breaching",
                  "AlarmConfigurationUpdatedTimestamp": 1795255200000,
                  "StateValue": "ALARM",
                  "StateReason": "by hand",
                  "StateReasonData": "{\u0022x\u0022:1}",
                  "StateUpdatedTimestamp": 1795255260000,
                  "StateTransitionedTimestamp": 1795255260000
                }
              ],
              "History": [
                {
                  "Sequence": 1,
                  "AlarmName": "a \u0022quoted\u0022 alarm",
                  "Timestamp": 1795255200000,
                  "HistoryItemType": "ConfigurationUpdate",
                  "HistorySummary": "Alarm \u0022a \u0022quoted\u0022 alarm\u0022 created",
                  "HistoryData": "{\u0022type\u0022:\u0022Create\u0022,\u0022version\u0022:\u00221.0\u0022,\u0022createdAlarm\u0022:{\u0022alarmName\u0022:\u0022a \\\u0022quoted\\\u0022 alarm\u0022,\u0022metricName\u0022:\u0022Transfers\u0022,\u0022namespace\u0022:\u0022App\u0022,\u0022statistic\u0022:\u0022Sum\u0022,\u0022dimensions\u0022:[{\u0022name\u0022:\u0022Source\u0022,\u0022value\u0022:\u0022a.example.com\u0022}],\u0022period\u0022:60,\u0022evaluationPeriods\u0022:3,\u0022datapointsToAlarm\u0022:2,\u0022threshold\u0022:1.5,\u0022comparisonOperator\u0022:\u0022GreaterThanThreshold\u0022,\u0022treatMissingData\u0022:\u0022breaching\u0022,\u0022actionsEnabled\u0022:true}}"
                },
                {
                  "Sequence": 2,
                  "AlarmName": "a \u0022quoted\u0022 alarm",
                  "Timestamp": 1795255260000,
                  "HistoryItemType": "StateUpdate",
                  "HistorySummary": "Alarm updated from INSUFFICIENT_DATA to ALARM",
                  "HistoryData": "{\u0022version\u0022:\u00221.0\u0022,\u0022oldState\u0022:{\u0022stateValue\u0022:\u0022INSUFFICIENT_DATA\u0022,\u0022stateReason\u0022:\u0022Unchecked: Initial alarm creation\u0022},\u0022newState\u0022:{\u0022stateValue\u0022:\u0022ALARM\u0022,\u0022stateReason\u0022:\u0022by hand\u0022,\u0022stateReasonData\u0022:{\u0022x\u0022:1}}}"
                }
              ]
            }
            """;

        public const string Line = """
            {"version":"0","id":"d2287a85-3eec-97ef-318d-eb30cf04b6fe","detail-type":"CloudWatch Alarm State Change","source":"aws.cloudwatch","account":"111122223333","time":"2026-11-21T10:01:00Z","region":"us-east-1","resources":["arn:aws:cloudwatch:us-east-1:111122223333:alarm:a \"quoted\" alarm"],"detail":{"alarmName":"a \"quoted\" alarm","state":{"value":"ALARM","reason":"by hand","reasonData":"{\"x\":1}","timestamp":"2026-11-21T10:01:00.000+0000"},"previousState":{"value":"INSUFFICIENT_DATA","reason":"Unchecked: Initial alarm creation","timestamp":"2026-11-21T10:00:00.000+0000"},"configuration":{"description":"Too many","metrics":[{"id":"m1","metricStat":{"metric":{"namespace":"App","name":"Transfers","dimensions":{"Source":"a.example.com"}},"period":60,"stat":"Sum"},"returnData":true}]}}}

            """;
    }
}
