using Contrail.Api.CloudTrail.EventDataStores;
using Contrail.Api.Service;

namespace Contrail.Api.Channels;

/// <summary>
/// The channels <c>PutAuditEvents</c> accepts events on: the default channel, there out of the box
/// (<c>arn:aws:cloudtrail:REGION:ACCOUNT:channel/default</c>, also named by its id <c>default</c>), and
/// every channel made with CreateChannel (by ARN or id, as the CloudTrail Data API allows, spec §5).
/// </summary>
internal sealed class ChannelDirectory(ServiceIdentity identity, EventDataStoreCatalog lake)
{
    /// <summary>The channel's ARN, or null when <paramref name="arnOrId"/> names no channel here.</summary>
    public string? Resolve(string arnOrId) =>
        arnOrId == identity.DefaultChannelArn || arnOrId == "default" ? identity.DefaultChannelArn : lake.FindChannel(arnOrId)?.ChannelArn;
}
