using System.Text.Json;

namespace Contrail.Api.Tests.Delivery.Notifications;

/// <summary>A notification as a receiver got it: the request and its parsed body and message.</summary>
internal sealed record ReceivedNotification(ReceivedRequest Request, JsonElement Body, string Bucket, IReadOnlyList<string> Keys)
{
    public string MessageId => Body.GetProperty("MessageId").GetString()!;
}
