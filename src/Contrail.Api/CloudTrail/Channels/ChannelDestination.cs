namespace Contrail.Api.CloudTrail.Channels;

/// <summary>A channel's destination: <paramref name="Type"/> <c>EVENT_DATA_STORE</c> and the store's ARN as <paramref name="Location"/>.</summary>
internal sealed record ChannelDestination(string Type, string Location)
{
    public const string EventDataStoreType = "EVENT_DATA_STORE";
}
