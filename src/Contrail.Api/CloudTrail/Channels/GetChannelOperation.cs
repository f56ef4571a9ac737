using System.Text.Json;
using Contrail.Api.CloudTrail.EventDataStores;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Channels;

/// <summary>
/// <c>GetChannel</c> (spec §4.10): the channel, its source configuration (events of category
/// <c>ActivityAuditLog</c>, this region only) and its <c>IngestionStatus</c> from
/// <see cref="ChannelIngestionBoard"/> (an empty object before the first PutAuditEvents).
/// </summary>
internal sealed class GetChannelOperation(EventDataStoreCatalog catalog, ServiceIdentity identity, ChannelIngestionBoard board) : ChannelOperation(catalog, identity)
{
    private static readonly IReadOnlyList<AdvancedEventSelector> SourceSelectors =
        [new AdvancedEventSelector(null, [new AdvancedFieldSelector("eventCategory", ["ActivityAuditLog"], null, null, null, null, null)])];

    public override string Name => "GetChannel";

    public override bool ReadOnly => true;

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        if (FindChannel(request, out var channel) is { } error)
        {
            return TrailResult.Fail(error);
        }

        var ingestion = board.Find(channel!.ChannelArn);
        return TrailResult.Ok(TrailResponses.Object(w =>
        {
            w.WriteString("ChannelArn", channel.ChannelArn);
            w.WriteString("Name", channel.Name);
            w.WriteString("Source", channel.Source);
            w.WriteStartObject("SourceConfig");
            w.WriteBoolean("ApplyToAllRegions", false);
            w.WritePropertyName("AdvancedEventSelectors");
            JsonSerializer.Serialize(w, SourceSelectors, TrailJsonContext.Default.IReadOnlyListAdvancedEventSelector);
            w.WriteEndObject();
            WriteDestinations(w, channel.Destinations);
            w.WriteStartObject("IngestionStatus");
            if (ingestion is not null)
            {
                if (ingestion.LatestIngestionSuccessTime is { } success)
                {
                    TrailResponses.WriteTime(w, "LatestIngestionSuccessTime", success);
                }

                Optional(w, "LatestIngestionSuccessEventID", ingestion.LatestIngestionSuccessEventId);
                Optional(w, "LatestIngestionErrorCode", ingestion.LatestIngestionErrorCode);
                TrailResponses.WriteTime(w, "LatestIngestionAttemptTime", ingestion.LatestIngestionAttemptTime);
                Optional(w, "LatestIngestionAttemptEventID", ingestion.LatestIngestionAttemptEventId);
            }

            w.WriteEndObject();
        }), channel.ChannelArn);
    }

    private static void Optional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
