using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Service;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Delivery.Notifications;

/// <summary>
/// Where delivery hands over: <see cref="TrailDelivery"/> calls <see cref="Delivered"/> once per
/// delivery pass, after the pass's state is saved, with every key the pass put. A trail notifies when
/// it has an SNS topic and a notification URL is configured; the notification is built and signed
/// here and queued for <see cref="NotificationSender"/>. Never blocks, never throws: a notification
/// that cannot be queued is logged and shows as LatestNotificationError.
/// </summary>
internal sealed partial class LogFileNotifier(ContrailSettings settings, NotificationSender sender, NotificationStatusBoard board, TimeProvider time, ILogger<LogFileNotifier> logger)
{
    /// <summary>The pass of <paramref name="trail"/> put <paramref name="keys"/> into <paramref name="bucket"/>; nothing happens when it put none.</summary>
    public void Delivered(Trail trail, string bucket, IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(trail);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0 || settings.Notifications is not { } target || !sender.Enabled || SnsTopics.ArnOf(trail) is not { } topicArn)
        {
            return;
        }

        try
        {
            if (!IsHeaderValue(topicArn))
            {
                // It goes into the x-amz-sns-topic-arn header; SNS topic names are [A-Za-z0-9_-]{1,256}.
                board.Dropped(trail.Name, trail.CreatedAt, "InvalidSnsTopicName");
                LogInvalidTopic(logger, trail.Name);
                return;
            }

            var message = new SnsNotification(Guid.NewGuid(), topicArn, bucket, [.. keys], time.GetUtcNow());
            var body = SnsNotificationBody.Write(message);
            var pending = new PendingNotification(trail.Name, trail.CreatedAt, message, body, NotificationSignature.Compute(target.Secret, body));
            if (!sender.TryEnqueue(pending))
            {
                board.Dropped(trail.Name, trail.CreatedAt, "QueueFull");
                LogQueueFull(logger, message.MessageId, trail.Name, keys.Count);
            }
        }
        catch (Exception e)
        {
            // Delivery already succeeded; a notification problem must not turn into a delivery error.
            LogNotifyFailed(logger, e, trail.Name);
        }
    }

    /// <summary>Printable ASCII only (no control characters, no line breaks).</summary>
    private static bool IsHeaderValue(string value)
    {
        foreach (var c in value)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    [LoggerMessage(EventId = 3206, Level = LogLevel.Error, Message = "The notification queue is full: notification {MessageId} of trail {Trail} ({Count} log files) is dropped")]
    private static partial void LogQueueFull(ILogger logger, Guid messageId, string trail, int count);

    [LoggerMessage(EventId = 3208, Level = LogLevel.Error, Message = "Trail {Trail} has an SNS topic that cannot be sent in a header; its notifications are dropped")]
    private static partial void LogInvalidTopic(ILogger logger, string trail);

    [LoggerMessage(EventId = 3209, Level = LogLevel.Error, Message = "The notification of trail {Trail} could not be queued")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, string trail);
}
