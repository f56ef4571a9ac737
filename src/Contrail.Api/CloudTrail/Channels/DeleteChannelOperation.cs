using System.Text.Json;
using Contrail.Api.CloudTrail.EventDataStores;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Channels;

/// <summary><c>DeleteChannel</c> (spec §4.10): forgets the channel (PutAuditEvents to it is then <c>ChannelNotFound</c>); events it delivered stay. Answers <c>{}</c>.</summary>
internal sealed class DeleteChannelOperation(EventDataStoreCatalog catalog, ServiceIdentity identity) : ChannelOperation(catalog, identity)
{
    public override string Name => "DeleteChannel";

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        if (FindChannel(request, out var channel) is { } error)
        {
            return TrailResult.Fail(error);
        }

        return Catalog.RemoveChannel(channel!.Id)
            ? TrailResult.Ok(TrailResponses.Empty, channel.ChannelArn)
            : TrailResult.Fail(ChannelErrors.Unknown(channel.ChannelArn));
    }
}
