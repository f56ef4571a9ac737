using System.Text;
using System.Text.Json;
using Contrail.Api.CloudTrail.Trails;

namespace Contrail.Api.Tests.Trails;

/// <summary>The persisted form of the catalog (<c>config/trails.json</c>): fails when its bytes change.</summary>
public sealed class TrailsDocumentGoldenTests
{
    private const string Golden = """
        {
          "Version": 1,
          "Trails": [
            {
              "Name": "golden",
              "TrailArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/golden",
              "HomeRegion": "us-east-1",
              "S3BucketName": "golden-bucket",
              "S3KeyPrefix": "prefix",
              "IncludeGlobalServiceEvents": true,
              "IsMultiRegionTrail": true,
              "LogFileValidationEnabled": true,
              "IsOrganizationTrail": false,
              "Tags": [
                {
                  "Key": "team",
                  "Value": "sec"
                }
              ],
              "AdvancedEventSelectors": [
                {
                  "Name": "mgmt",
                  "FieldSelectors": [
                    {
                      "Field": "eventCategory",
                      "Equals": [
                        "Management"
                      ]
                    }
                  ]
                }
              ],
              "HasCustomEventSelectors": true,
              "IsLogging": true,
              "StartLoggingTime": "2026-01-02T03:04:05.678+00:00",
              "CreatedAt": "2026-01-02T03:00:00+00:00"
            }
          ]
        }
        """;

    private static readonly Trail Sample = new()
    {
        Name = "golden",
        TrailArn = "arn:aws:cloudtrail:us-east-1:111122223333:trail/golden",
        HomeRegion = "us-east-1",
        S3BucketName = "golden-bucket",
        S3KeyPrefix = "prefix",
        IncludeGlobalServiceEvents = true,
        IsMultiRegionTrail = true,
        LogFileValidationEnabled = true,
        Tags = [new TrailTag("team", "sec")],
        AdvancedEventSelectors = [new AdvancedEventSelector("mgmt", [new AdvancedFieldSelector("eventCategory", ["Management"], null, null, null, null, null)])],
        HasCustomEventSelectors = true,
        IsLogging = true,
        StartLoggingTime = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
        CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Serialize_SampleCatalog_MatchesTheGoldenBytes()
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new TrailsDocument(1, [Sample]), TrailJsonContext.Default.TrailsDocument);

        Encoding.UTF8.GetString(bytes).ReplaceLineEndings("\n").ShouldBe(Golden.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Deserialize_GoldenBytes_GivesTheSampleTrail()
    {
        var document = JsonSerializer.Deserialize(Golden, TrailJsonContext.Default.TrailsDocument)!;

        var trail = document.Trails.ShouldHaveSingleItem();
        trail.Name.ShouldBe(Sample.Name);
        trail.StartLoggingTime.ShouldBe(Sample.StartLoggingTime);
        trail.AdvancedEventSelectors![0].FieldSelectors[0].EqualTo.ShouldBe(["Management"]);
        trail.EventSelectors.ShouldBeNull();
        trail.Tags.ShouldBe([new TrailTag("team", "sec")]);
    }
}
