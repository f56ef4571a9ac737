using Contrail.Api.Service;

namespace Contrail.Api.Channels;

/// <summary>
/// The channels <c>PutAuditEvents</c> accepts events on. Out of the box there is one, the default
/// channel (<c>arn:aws:cloudtrail:REGION:ACCOUNT:channel/default</c>); it may be named by its ARN
/// or by its id, <c>default</c>, as the CloudTrail Data API allows (spec §5).
/// </summary>
internal sealed class ChannelDirectory(ServiceIdentity identity)
{
    /// <summary>The channel's ARN, or null when <paramref name="arnOrId"/> names no channel here.</summary>
    public string? Resolve(string arnOrId) =>
        arnOrId == identity.DefaultChannelArn || arnOrId == "default" ? identity.DefaultChannelArn : null;
}
