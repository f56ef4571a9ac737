namespace Contrail.Api.Delivery.Notifications;

/// <summary>
/// One notification about one delivery pass of a trail: the members of an SNS HTTP notification
/// (<see cref="SnsNotificationBody"/> writes them). Fixed when the pass ends, like an SNS publish: every
/// retry sends the same MessageId and Timestamp, so the same bytes and the same signature.
/// </summary>
/// <param name="MessageId">A fresh UUID per notification; receivers deduplicate on it.</param>
/// <param name="TopicArn">The trail's SnsTopicARN (<see cref="CloudTrail.Trails.SnsTopics.ArnOf"/>).</param>
/// <param name="Bucket">The trail's S3 bucket.</param>
/// <param name="Keys">Every key put in the pass, in the order they were put.</param>
/// <param name="Timestamp">When the pass ended (the publish time).</param>
internal sealed record SnsNotification(Guid MessageId, string TopicArn, string Bucket, IReadOnlyList<string> Keys, DateTimeOffset Timestamp);
