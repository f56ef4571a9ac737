using System.Text.RegularExpressions;
using Contrail.Api.Protocol;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// <c>KmsKeyId</c> of CreateTrail/UpdateTrail (spec §4.3): the four forms the model names — an alias
/// name <c>alias/NAME</c>, an alias ARN, a key ARN, or a key id (a UUID, or <c>mrk-</c> and 32 hex
/// digits for a multi-Region key). Anything else is an <c>InvalidKmsKeyIdException</c>.
/// </summary>
/// <remarks>
/// AWS answers the ARN of the key an alias points to; there is no KMS here to resolve an alias, so an
/// alias (name or ARN) is answered as the alias ARN, and a key id as the key ARN, both in the
/// service's account and region (docs/compatibility.md).
/// </remarks>
internal static partial class TrailKmsKeys
{
    [GeneratedRegex(@"^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})\z")]
    private static partial Regex KeyId();

    // KMS alias names: alias/ then letters, digits, '/', '_', '-'; 256 characters in all.
    [GeneratedRegex(@"^alias/[a-zA-Z0-9/_\-]{1,250}\z")]
    private static partial Regex AliasName();

    [GeneratedRegex(@"^arn:aws(?:-[a-z]+)*:kms:[a-z]{2}(?:-[a-z]+)+-[0-9]+:[0-9]{12}:(?<resource>.+)\z")]
    private static partial Regex KmsArn();

    /// <summary>
    /// Checks <paramref name="given"/> (not null or empty) and gives the ARN to keep and answer:
    /// ARNs as given, an alias name or key id as an ARN of <paramref name="identity"/>'s account and region.
    /// </summary>
    public static ApiError? Resolve(string given, ServiceIdentity identity, out string? arn)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(identity);
        arn = null;
        if (KmsArn().Match(given) is { Success: true } match)
        {
            var resource = match.Groups["resource"].Value;
            if (IsKey(resource) || AliasName().IsMatch(resource))
            {
                arn = given;
                return null;
            }
        }
        else if (AliasName().IsMatch(given))
        {
            arn = $"arn:aws:kms:{identity.Region}:{identity.AccountId}:{given}";
            return null;
        }
        else if (KeyId().IsMatch(given))
        {
            arn = $"arn:aws:kms:{identity.Region}:{identity.AccountId}:key/{given}";
            return null;
        }

        return new ApiError(TrailErrors.InvalidKmsKeyId,
            $"Invalid KmsKeyId {Clip(given)}: give a key id, a key ARN, alias/NAME or an alias ARN.");
    }

    private static bool IsKey(string resource) =>
        resource.StartsWith("key/", StringComparison.Ordinal) && KeyId().IsMatch(resource.AsSpan("key/".Length));

    private static string Clip(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
