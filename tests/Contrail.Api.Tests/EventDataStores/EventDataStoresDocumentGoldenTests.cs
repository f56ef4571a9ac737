using System.Text;
using System.Text.Json;
using Contrail.Api.CloudTrail.Channels;
using Contrail.Api.CloudTrail.EventDataStores;
using Contrail.Api.CloudTrail.Trails;

namespace Contrail.Api.Tests.EventDataStores;

/// <summary>The persisted form of the Lake catalog (<c>config/event-data-stores.json</c>): fails when its bytes change.</summary>
public sealed class EventDataStoresDocumentGoldenTests
{
    private const string StoreId = "5e2676f8-9fce-46ef-8142-3e36a94e6691";
    private const string StoreArn = "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/" + StoreId;
    private const string ChannelId = "01234567-89ab-cdef-0123-456789abcdef";

    private const string Golden = """
        {
          "Version": 1,
          "EventDataStores": [
            {
              "Id": "5e2676f8-9fce-46ef-8142-3e36a94e6691",
              "EventDataStoreArn": "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/5e2676f8-9fce-46ef-8142-3e36a94e6691",
              "Name": "golden",
              "Status": "PENDING_DELETION",
              "AdvancedEventSelectors": [
                {
                  "Name": "audit",
                  "FieldSelectors": [
                    {
                      "Field": "eventCategory",
                      "Equals": [
                        "ActivityAuditLog"
                      ]
                    }
                  ]
                }
              ],
              "MultiRegionEnabled": true,
              "OrganizationEnabled": false,
              "RetentionPeriod": 90,
              "TerminationProtectionEnabled": false,
              "BillingMode": "EXTENDABLE_RETENTION_PRICING",
              "KmsKeyId": "arn:aws:kms:us-east-1:111122223333:alias/lake",
              "Tags": [
                {
                  "Key": "team",
                  "Value": "sec"
                },
                {
                  "Key": "no-value"
                }
              ],
              "CreatedTimestamp": "2026-01-02T03:00:00+00:00",
              "UpdatedTimestamp": "2026-01-03T03:00:00.5+00:00",
              "DeletionTime": "2026-01-03T03:00:00.5+00:00",
              "StatusBeforeDeletion": "ENABLED"
            }
          ],
          "Channels": [
            {
              "Id": "01234567-89ab-cdef-0123-456789abcdef",
              "ChannelArn": "arn:aws:cloudtrail:us-east-1:111122223333:channel/01234567-89ab-cdef-0123-456789abcdef",
              "Name": "golden-channel",
              "Source": "Custom",
              "Destinations": [
                {
                  "Type": "EVENT_DATA_STORE",
                  "Location": "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/5e2676f8-9fce-46ef-8142-3e36a94e6691"
                }
              ],
              "Tags": [],
              "CreatedTimestamp": "2026-01-02T03:00:00+00:00"
            }
          ]
        }
        """;

    private static readonly EventDataStore Store = new()
    {
        Id = StoreId,
        EventDataStoreArn = StoreArn,
        Name = "golden",
        Status = EventDataStoreStatus.PendingDeletion,
        AdvancedEventSelectors = [new AdvancedEventSelector("audit", [new AdvancedFieldSelector("eventCategory", ["ActivityAuditLog"], null, null, null, null, null)])],
        MultiRegionEnabled = true,
        RetentionPeriod = 90,
        BillingMode = EventDataStoreSettings.Extendable,
        KmsKeyId = "arn:aws:kms:us-east-1:111122223333:alias/lake",
        Tags = [new TrailTag("team", "sec"), new TrailTag("no-value", null)],
        CreatedTimestamp = new DateTimeOffset(2026, 1, 2, 3, 0, 0, TimeSpan.Zero),
        UpdatedTimestamp = new DateTimeOffset(2026, 1, 3, 3, 0, 0, 500, TimeSpan.Zero),
        DeletionTime = new DateTimeOffset(2026, 1, 3, 3, 0, 0, 500, TimeSpan.Zero),
        StatusBeforeDeletion = EventDataStoreStatus.Enabled,
    };

    private static readonly Channel Sample = new()
    {
        Id = ChannelId,
        ChannelArn = "arn:aws:cloudtrail:us-east-1:111122223333:channel/" + ChannelId,
        Name = "golden-channel",
        Source = "Custom",
        Destinations = [new ChannelDestination(ChannelDestination.EventDataStoreType, StoreArn)],
        CreatedTimestamp = new DateTimeOffset(2026, 1, 2, 3, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Serialize_SampleCatalog_MatchesTheGoldenBytes()
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new EventDataStoresDocument(1, [Store], [Sample]), EventDataStoreJsonContext.Default.EventDataStoresDocument);

        Encoding.UTF8.GetString(bytes).ReplaceLineEndings("\n").ShouldBe(Golden.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Deserialize_GoldenBytes_GivesTheSampleStoreAndChannel()
    {
        var document = JsonSerializer.Deserialize(Golden, EventDataStoreJsonContext.Default.EventDataStoresDocument)!;

        var store = document.EventDataStores.ShouldHaveSingleItem();
        store.ShouldBe(Store with { AdvancedEventSelectors = store.AdvancedEventSelectors, Tags = store.Tags });
        store.AdvancedEventSelectors[0].FieldSelectors[0].EqualTo.ShouldBe(["ActivityAuditLog"]);
        store.Tags.ShouldBe([new TrailTag("team", "sec"), new TrailTag("no-value", null)]);
        store.TakesActivityAuditLog.ShouldBeTrue();
        store.IsIngesting.ShouldBeFalse();
        var channel = document.Channels!.ShouldHaveSingleItem();
        channel.ShouldBe(Sample with { Destinations = channel.Destinations, Tags = channel.Tags });
        channel.Destinations.ShouldBe([new ChannelDestination("EVENT_DATA_STORE", StoreArn)]);
    }
}
