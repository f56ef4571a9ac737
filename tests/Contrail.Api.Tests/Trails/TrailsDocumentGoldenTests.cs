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
                },
                {
                  "Key": "no-value"
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
            },
            {
              "Name": "org-trail",
              "TrailArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail",
              "HomeRegion": "us-east-1",
              "S3BucketName": "org-bucket",
              "IncludeGlobalServiceEvents": true,
              "IsMultiRegionTrail": true,
              "LogFileValidationEnabled": true,
              "KmsKeyId": "arn:aws:kms:us-east-1:111122223333:alias/trail-key",
              "IsOrganizationTrail": true,
              "OrganizationId": "o-a1b2c3d4e5",
              "Tags": [],
              "EventSelectors": [
                {
                  "ReadWriteType": "All",
                  "IncludeManagementEvents": true,
                  "DataResources": [],
                  "ExcludeManagementEventSources": []
                }
              ],
              "HasCustomEventSelectors": false,
              "IsLogging": false,
              "CreatedAt": "2026-01-02T03:00:00+00:00"
            }
          ]
        }
        """;

    /// <summary>A file written before tags without value, organization ids and KMS checks: still read.</summary>
    private const string BeforeTags = """
        {
          "Version": 1,
          "Trails": [
            {
              "Name": "old",
              "TrailArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/old",
              "HomeRegion": "us-east-1",
              "S3BucketName": "old-bucket",
              "IsOrganizationTrail": true,
              "EventSelectors": [ { "ReadWriteType": "All", "IncludeManagementEvents": true, "DataResources": [], "ExcludeManagementEventSources": [] } ],
              "IsLogging": false,
              "CreatedAt": "2025-01-02T03:00:00+00:00"
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
        Tags = [new TrailTag("team", "sec"), new TrailTag("no-value", null)],
        AdvancedEventSelectors = [new AdvancedEventSelector("mgmt", [new AdvancedFieldSelector("eventCategory", ["Management"], null, null, null, null, null)])],
        HasCustomEventSelectors = true,
        IsLogging = true,
        StartLoggingTime = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
        CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 0, 0, TimeSpan.Zero),
    };

    private static readonly Trail OrganizationSample = new()
    {
        Name = "org-trail",
        TrailArn = "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail",
        HomeRegion = "us-east-1",
        S3BucketName = "org-bucket",
        IncludeGlobalServiceEvents = true,
        IsMultiRegionTrail = true,
        LogFileValidationEnabled = true,
        KmsKeyId = "arn:aws:kms:us-east-1:111122223333:alias/trail-key",
        IsOrganizationTrail = true,
        OrganizationId = "o-a1b2c3d4e5",
        EventSelectors = EventSelector.Default,
        CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Serialize_SampleCatalog_MatchesTheGoldenBytes()
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new TrailsDocument(1, [Sample, OrganizationSample]), TrailJsonContext.Default.TrailsDocument);

        Encoding.UTF8.GetString(bytes).ReplaceLineEndings("\n").ShouldBe(Golden.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Deserialize_GoldenBytes_GivesTheSampleTrail()
    {
        var document = JsonSerializer.Deserialize(Golden, TrailJsonContext.Default.TrailsDocument)!;

        document.Trails.Count.ShouldBe(2);
        var trail = document.Trails[0];
        trail.Name.ShouldBe(Sample.Name);
        trail.StartLoggingTime.ShouldBe(Sample.StartLoggingTime);
        trail.AdvancedEventSelectors![0].FieldSelectors[0].EqualTo.ShouldBe(["Management"]);
        trail.EventSelectors.ShouldBeNull();
        trail.Tags.ShouldBe([new TrailTag("team", "sec"), new TrailTag("no-value", null)]);
        trail.OrganizationId.ShouldBeNull();
        document.Trails[1].ShouldBe(OrganizationSample with { Tags = document.Trails[1].Tags, EventSelectors = document.Trails[1].EventSelectors });
        document.Trails[1].Tags.ShouldBeEmpty();
    }

    [Fact]
    public void Deserialize_FileWithoutTagsOrOrganizationId_NoTagsAndNoOrganization()
    {
        var trail = JsonSerializer.Deserialize(BeforeTags, TrailJsonContext.Default.TrailsDocument)!.Trails.ShouldHaveSingleItem();

        trail.Tags.ShouldBeEmpty();
        trail.IsOrganizationTrail.ShouldBeTrue();
        trail.OrganizationId.ShouldBeNull("delivered as an account trail (docs/dev/trails-format.md)");
        trail.KmsKeyId.ShouldBeNull();
    }
}
