using System.Text.RegularExpressions;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Protocol;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>
/// Names and ARNs of event data stores and channels: names are the model's
/// <c>[3..128, ^[a-zA-Z0-9._\-]+$]</c> (else <c>ValidationException</c>, as AWS's request validation
/// answers); a store or channel is named by its ARN (<c>arn:aws:cloudtrail:REGION:ACCOUNT:KIND/ID</c>)
/// or by its id alone.
/// </summary>
internal static partial class LakeNames
{
    public const string EventDataStoreKind = "eventdatastore";
    public const string ChannelKind = "channel";

    [GeneratedRegex(@"^[a-zA-Z0-9._\-]+\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^arn:aws:cloudtrail:(?<region>[a-z0-9\-]+):(?<account>[0-9]{12}):(?<kind>[a-z]+)/(?<id>[a-zA-Z0-9._\-]+)\z")]
    private static partial Regex ArnPattern();

    [GeneratedRegex(@"^[a-zA-Z0-9._\-]{1,128}\z")]
    private static partial Regex IdPattern();

    /// <summary>A name of a store or channel; <paramref name="member"/> names the request member in the message.</summary>
    public static ApiError? CheckName(string name, string member)
    {
        if (name.Length is < 3 or > 128)
        {
            return TrailErrors.ListLength(member, name.Length, 3, 128);
        }

        return NamePattern().IsMatch(name)
            ? null
            : ApiError.Validation($"1 validation error detected: Value '{Clip(name)}' at '{char.ToLowerInvariant(member[0])}{member[1..]}' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9._\\-]+$");
    }

    public static string Arn(string region, string accountId, string kind, string id) => $"arn:aws:cloudtrail:{region}:{accountId}:{kind}/{id}";

    /// <summary>
    /// Resolves an ARN or id of <paramref name="kind"/> to the id; false when <paramref name="given"/> is
    /// neither. An ARN of another account or region resolves to a null id: nothing of that name is here.
    /// </summary>
    public static bool TryResolve(string given, string kind, string region, string accountId, out string? id)
    {
        id = null;
        if (!given.StartsWith("arn:", StringComparison.Ordinal))
        {
            id = given;
            return IdPattern().IsMatch(given);
        }

        var match = ArnPattern().Match(given);
        if (!match.Success || match.Groups["kind"].Value != kind)
        {
            return false;
        }

        if (match.Groups["region"].Value == region && match.Groups["account"].Value == accountId)
        {
            id = match.Groups["id"].Value;
        }

        return true;
    }

    /// <summary>The kind of a CloudTrail ARN (<c>trail</c>, <c>eventdatastore</c>, <c>channel</c>, …), or null when it is not one.</summary>
    public static string? KindOf(string arn)
    {
        var match = ArnPattern().Match(arn);
        return match.Success ? match.Groups["kind"].Value : null;
    }

    private static string Clip(string text) => text.Length <= 128 ? text : text[..128] + "…";
}
