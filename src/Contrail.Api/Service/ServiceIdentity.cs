namespace Contrail.Api.Service;

/// <summary>
/// The account and region this service records events for (settings <c>CONTRAIL_ACCOUNT_ID</c>,
/// <c>CONTRAIL_REGION</c>), and the organization the account manages, if any
/// (<c>CONTRAIL_ORGANIZATION_ID</c>, <c>o-</c> and 10–32 lower-case letters or digits): without one,
/// organization trails are refused.
/// </summary>
internal sealed record ServiceIdentity(string AccountId, string Region, string? OrganizationId = null)
{
    /// <summary>The default account id, printed at start: a fixed 12-digit id.</summary>
    public const string DefaultAccountId = "123456789012";

    /// <summary>The default region.</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>ARN of the channel that exists out of the box (issue: <c>arn:aws:cloudtrail:REGION:ACCOUNT:channel/default</c>).</summary>
    public string DefaultChannelArn => $"arn:aws:cloudtrail:{Region}:{AccountId}:channel/default";
}
