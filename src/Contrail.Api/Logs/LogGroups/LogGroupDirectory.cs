using System.Text.RegularExpressions;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Service;

namespace Contrail.Api.Logs.LogGroups;

/// <summary>
/// The log groups that exist here: exactly those a trail sends its events to, named by the trail's
/// <c>CloudWatchLogsLogGroupArn</c> (<c>arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME:*</c>, the
/// <c>:*</c> optional) in this service's account and region. There is no CreateLogGroup: a log
/// group comes and goes with the trails that name it. Thread-safe (reads catalog snapshots).
/// </summary>
internal sealed partial class LogGroupDirectory(TrailCatalog trails, ServiceIdentity identity)
{
    [GeneratedRegex(@"^arn:aws[a-z-]*:logs:(?<region>[a-z0-9-]+):(?<account>\d{12}):log-group:(?<name>[\.\-_/#A-Za-z0-9]{1,512})(?::\*)?\z")]
    private static partial Regex LogGroupArn();

    /// <summary>The log group a trail sends to, or null when it names none (or one of another account or region).</summary>
    public string? LogGroupOf(Trail trail)
    {
        ArgumentNullException.ThrowIfNull(trail);
        return NameOf(trail.CloudWatchLogsLogGroupArn, identity);
    }

    /// <summary>Whether some trail sends to <paramref name="logGroupName"/>.</summary>
    public bool Exists(string logGroupName)
    {
        foreach (var trail in trails.List())
        {
            if (LogGroupOf(trail) == logGroupName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The log group name in <paramref name="arn"/> when it is a log group ARN of this account and region.</summary>
    internal static string? NameOf(string? arn, ServiceIdentity identity)
    {
        if (string.IsNullOrEmpty(arn) || LogGroupArn().Match(arn) is not { Success: true } match)
        {
            return null;
        }

        return match.Groups["region"].Value == identity.Region && match.Groups["account"].Value == identity.AccountId
            ? match.Groups["name"].Value
            : null;
    }
}
