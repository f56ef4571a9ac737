using System.Globalization;
using System.Text.Json;
using Contrail.Api.Delivery;
using Contrail.Api.Delivery.Notifications;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// <c>GetTrailStatus</c> (spec §4.3): IsLogging, Start/StopLoggingTime (epoch seconds) and the
/// deprecated TimeLoggingStarted/TimeLoggingStopped strings (ISO 8601, or "" when never), and the
/// Latest* delivery members from <see cref="DeliveryStatusBoard"/>: LatestDeliveryTime (epoch seconds),
/// LatestDeliveryAttemptTime/LatestDeliveryAttemptSucceeded (ISO 8601 strings, "" when never, as AWS)
/// and LatestDeliveryError when the last attempt failed; likewise the notification members from
/// <see cref="NotificationStatusBoard"/> (docs/dev/notifications.md).
/// </summary>
internal sealed class GetTrailStatusOperation(TrailCatalog catalog, ServiceIdentity identity, DeliveryStatusBoard deliveries, NotificationStatusBoard notifications) : TrailOperation(catalog, identity)
{
    public override string Name => "GetTrailStatus";

    public override bool ReadOnly => true;

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = FindTrail(request, "Name", out var trail, out var arn, notFoundByArn: true);
        if (error is not null)
        {
            return TrailResult.Fail(error, arn);
        }

        return TrailResult.Ok(TrailResponses.Object(w =>
        {
            w.WriteBoolean("IsLogging", trail!.IsLogging);
            if (trail.StartLoggingTime is { } started)
            {
                TrailResponses.WriteTime(w, "StartLoggingTime", started);
            }

            if (trail.StopLoggingTime is { } stopped)
            {
                TrailResponses.WriteTime(w, "StopLoggingTime", stopped);
            }

            w.WriteString("TimeLoggingStarted", Iso(trail.StartLoggingTime));
            w.WriteString("TimeLoggingStopped", Iso(trail.StopLoggingTime));
            var delivery = deliveries.Get(trail.Name);
            if (delivery?.LatestDeliveryTime is { } delivered)
            {
                TrailResponses.WriteTime(w, "LatestDeliveryTime", delivered);
            }

            if (delivery?.LatestDeliveryError is { } deliveryError)
            {
                w.WriteString("LatestDeliveryError", deliveryError);
            }

            if (delivery?.LatestDigestDeliveryTime is { } digested)
            {
                TrailResponses.WriteTime(w, "LatestDigestDeliveryTime", digested);
            }

            if (delivery?.LatestDigestDeliveryError is { } digestError)
            {
                w.WriteString("LatestDigestDeliveryError", digestError);
            }

            w.WriteString("LatestDeliveryAttemptTime", Iso(delivery?.LatestDeliveryAttemptTime));
            w.WriteString("LatestDeliveryAttemptSucceeded", Iso(delivery?.LatestDeliveryAttemptSucceeded));
            var notification = notifications.Get(trail);
            if (notification?.LatestNotificationTime is { } notified)
            {
                TrailResponses.WriteTime(w, "LatestNotificationTime", notified);
            }

            if (notification?.LatestNotificationError is { } notificationError)
            {
                w.WriteString("LatestNotificationError", notificationError);
            }

            w.WriteString("LatestNotificationAttemptTime", Iso(notification?.LatestNotificationAttemptTime));
            w.WriteString("LatestNotificationAttemptSucceeded", Iso(notification?.LatestNotificationAttemptSucceeded));
        }), arn);
    }

    private static string Iso(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
