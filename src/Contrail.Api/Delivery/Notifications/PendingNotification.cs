namespace Contrail.Api.Delivery.Notifications;

/// <summary>A notification waiting to be posted: the exact body bytes and their signature, fixed once.</summary>
/// <param name="TrailName">The trail whose status the attempts update.</param>
/// <param name="TrailCreatedAt">Which trail of that name (<see cref="NotificationStatus.TrailCreatedAt"/>).</param>
/// <param name="Message">What the body says.</param>
/// <param name="Body"><see cref="SnsNotificationBody.Write"/> of <paramref name="Message"/>; never changed.</param>
/// <param name="Signature">The <c>X-Contrail-Signature</c> value for <paramref name="Body"/>.</param>
internal sealed record PendingNotification(string TrailName, DateTimeOffset TrailCreatedAt, SnsNotification Message, byte[] Body, string Signature);
