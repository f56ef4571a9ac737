using System.Text.RegularExpressions;

namespace Contrail.Api.Rules;

/// <summary>
/// The target <c>Arn</c> forms Contrail accepts (docs/dev/rules.md): an absolute <c>http://</c> or
/// <c>https://</c> URL (without user info) is a webhook; <c>arn:contrail:logs:::NAME</c> (NAME: 1–64 of
/// <c>[A-Za-z0-9._-]</c>, not starting with a dot) is the log file <c>DATA_DIR/rules/logs/NAME.jsonl</c>.
/// Anything else, AWS ARNs included, is refused with a reason.
/// </summary>
internal static partial class RuleTargetArn
{
    public const string LogFilePrefix = "arn:contrail:logs:::";

    public static (RuleTargetKind Kind, string? Error) Classify(string arn, out Uri? url, out string? logName)
    {
        ArgumentNullException.ThrowIfNull(arn);
        url = null;
        logName = null;
        if (arn.StartsWith(LogFilePrefix, StringComparison.Ordinal))
        {
            var name = arn[LogFilePrefix.Length..];
            if (!LogName().IsMatch(name))
            {
                return (RuleTargetKind.LogFile, $"The log file name in '{arn}' must be 1 to 64 of letters, digits and ._- and not start with a dot.");
            }

            logName = name;
            return (RuleTargetKind.LogFile, null);
        }

        if (Uri.TryCreate(arn, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
        {
            if (parsed.UserInfo.Length > 0)
            {
                return (RuleTargetKind.Webhook, "A webhook URL must not carry user info: receivers authenticate events by their signature.");
            }

            url = parsed;
            return (RuleTargetKind.Webhook, null);
        }

        return (RuleTargetKind.Webhook, $"Contrail targets are an http(s) URL (a webhook) or {LogFilePrefix}NAME (a log file); got '{arn}'.");
    }

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex LogName();
}
