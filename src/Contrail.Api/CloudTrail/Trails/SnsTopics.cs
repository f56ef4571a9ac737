namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// A trail's SNS topic: <see cref="Trail.SnsTopicName"/> holds what the caller gave (a topic name or
/// an ARN, spec §4.3); responses (SnsTopicARN) and delivery notifications use its ARN form.
/// </summary>
internal static class SnsTopics
{
    /// <summary>
    /// The topic's ARN: the value itself when it is an ARN, else <c>arn:aws:sns:HOME_REGION:ACCOUNT:NAME</c>
    /// (account from the trail's ARN); null when the trail has no topic.
    /// </summary>
    public static string? ArnOf(Trail trail) => trail.SnsTopicName switch
    {
        null => null,
        var arn when arn.StartsWith("arn:", StringComparison.Ordinal) => arn,
        var name => $"arn:aws:sns:{trail.HomeRegion}:{AccountOf(trail.TrailArn)}:{name}",
    };

    private static string AccountOf(string trailArn) => trailArn.Split(':')[4];
}
