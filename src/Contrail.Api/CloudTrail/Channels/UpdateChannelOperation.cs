using System.Text.Json;
using Contrail.Api.CloudTrail.EventDataStores;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Channels;

/// <summary><c>UpdateChannel</c> (spec §4.10): a new name and/or new destinations (checked as CreateChannel's); the source cannot change.</summary>
internal sealed class UpdateChannelOperation(EventDataStoreCatalog catalog, ServiceIdentity identity) : ChannelOperation(catalog, identity)
{
    public override string Name => "UpdateChannel";

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = TrailInput.First(
            FindChannel(request, out var found),
            JsonInput.String(request, "Name", out var name),
            ReadDestinations(request, out var destinations));
        error ??= name is null ? null : LakeNames.CheckName(name, "Name");
        if (error is not null)
        {
            return TrailResult.Fail(error, found?.ChannelArn);
        }

        var (updated, updateError) = Catalog.UpdateChannel(found!.Id, name, destinations);
        if (updated is null)
        {
            return TrailResult.Fail(ChannelErrors.Unknown(found.ChannelArn));
        }

        if (updateError is not null)
        {
            return TrailResult.Fail(updateError, found.ChannelArn);
        }

        return TrailResult.Ok(TrailResponses.Object(w =>
        {
            w.WriteString("ChannelArn", updated.ChannelArn);
            w.WriteString("Name", updated.Name);
            w.WriteString("Source", updated.Source);
            WriteDestinations(w, updated.Destinations);
        }), updated.ChannelArn);
    }
}
