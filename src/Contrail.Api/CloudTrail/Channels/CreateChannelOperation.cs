using System.Text.Json;
using Contrail.Api.CloudTrail.EventDataStores;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Channels;

/// <summary>
/// <c>CreateChannel</c> (spec §4.10): a channel for events from outside AWS, whose <c>Destinations</c>
/// name existing event data stores that take <c>ActivityAuditLog</c> events. At most
/// <see cref="MaxChannels"/>; names unique. The id is a new UUID; PutAuditEvents accepts the ARN or the id.
/// </summary>
internal sealed class CreateChannelOperation(EventDataStoreCatalog catalog, ServiceIdentity identity, TimeProvider time) : ChannelOperation(catalog, identity)
{
    public const int MaxChannels = 25;

    public override string Name => "CreateChannel";

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = TrailInput.First(
            TrailInput.RequiredString(request, "Name", out var name),
            TrailInput.RequiredString(request, "Source", out var source),
            ReadDestinations(request, out var destinations),
            TrailTags.Parse(request, "Tags", out var tags));
        error ??= destinations is null ? TrailErrors.Missing("Destinations") : null;
        error ??= LakeNames.CheckName(name, "Name");
        error ??= source.Length is < 1 or > 256 ? TrailErrors.ListLength("Source", source.Length, 1, 256) : null;
        error ??= tags is { Count: > TrailTags.MaxPerTrail } ? TrailErrors.TooManyTags(TrailTags.MaxPerTrail) : null;
        if (error is not null)
        {
            return TrailResult.Fail(error);
        }

        var id = Guid.NewGuid().ToString("D");
        var channel = new Channel
        {
            Id = id,
            ChannelArn = LakeNames.Arn(Identity.Region, Identity.AccountId, LakeNames.ChannelKind, id),
            Name = name,
            Source = source,
            Destinations = destinations!,
            Tags = tags ?? [],
            CreatedTimestamp = time.GetUtcNow(),
        };
        if (Catalog.AddChannel(channel, MaxChannels) is { } addError)
        {
            return TrailResult.Fail(addError);
        }

        return TrailResult.Ok(TrailResponses.Object(w =>
        {
            w.WriteString("ChannelArn", channel.ChannelArn);
            w.WriteString("Name", channel.Name);
            w.WriteString("Source", channel.Source);
            WriteDestinations(w, channel.Destinations);
            w.WriteStartArray("Tags");
            foreach (var tag in channel.Tags)
            {
                w.WriteStartObject();
                w.WriteString("Key", tag.Key);
                if (tag.Value is { } value)
                {
                    w.WriteString("Value", value);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }), channel.ChannelArn);
    }
}
