using Contrail.Delivery.Objects;

namespace Contrail.Delivery.Validation;

/// <summary>
/// What to validate and where from: the inputs of <c>aws cloudtrail validate-logs</c> after it has
/// resolved the trail (bucket, prefix, account, organization, names and regions). Mutable for building;
/// <see cref="LogValidator"/> validates and copies it.
/// </summary>
public sealed class LogValidationOptions
{
    /// <summary>Default of <see cref="MaxParallelDownloads"/>.</summary>
    public const int DefaultMaxParallelDownloads = 8;

    /// <summary>Where the digest and log files are. Required.</summary>
    public IObjectStore? Store { get; set; }

    /// <summary>The trail's bucket (digests must name it in <c>digestS3Bucket</c>). Required.</summary>
    public string? Bucket { get; set; }

    /// <summary>The trail's <c>S3KeyPrefix</c>, joined with <c>/</c> as the AWS CLI does; null or empty for none.</summary>
    public string? Prefix { get; set; }

    /// <summary>The account whose files to validate (the member account for organization trails). Required.</summary>
    public string? AccountId { get; set; }

    /// <summary>The organization id (<c>o-…</c>) of an organization trail's layout; null for other trails.</summary>
    public string? OrganizationId { get; set; }

    /// <summary>The trail's name (the last part of its ARN). Required.</summary>
    public string? TrailName { get; set; }

    /// <summary>The trail's home region (from its ARN). Required.</summary>
    public string? HomeRegion { get; set; }

    /// <summary>The region whose files to validate; null for <see cref="HomeRegion"/> (the AWS CLI's <c>--region</c>).</summary>
    public string? SourceRegion { get; set; }

    /// <summary>Files delivered from this time on are validated (inclusive).</summary>
    public DateTimeOffset StartTime { get; set; }

    /// <summary>Files delivered up to this time are validated; null for now (by the validator's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset? EndTime { get; set; }

    /// <summary>Where public keys come from. Required.</summary>
    public IPublicKeySource? PublicKeys { get; set; }

    /// <summary>How many log files are downloaded and hashed at once; results are still reported in order. Default <see cref="DefaultMaxParallelDownloads"/>.</summary>
    public int MaxParallelDownloads { get; set; } = DefaultMaxParallelDownloads;

    /// <summary>Also run the checks the AWS CLI does not make (docs/validate-logs.md). Default true.</summary>
    public bool ContrailChecks { get; set; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first missing or invalid setting.</summary>
    public void Validate()
    {
        if (Store is null)
        {
            throw new ArgumentException("An object store is required.", nameof(Store));
        }

        if (PublicKeys is null)
        {
            throw new ArgumentException("A public key source is required.", nameof(PublicKeys));
        }

        foreach (var (value, name) in new[] { (Bucket, nameof(Bucket)), (AccountId, nameof(AccountId)), (TrailName, nameof(TrailName)), (HomeRegion, nameof(HomeRegion)) })
        {
            if (string.IsNullOrEmpty(value))
            {
                throw new ArgumentException($"{name} is required.", name);
            }
        }

        if (SourceRegion is { Length: 0 })
        {
            throw new ArgumentException("The source region must not be empty (null means the home region).", nameof(SourceRegion));
        }

        if (EndTime is { } end && StartTime > end)
        {
            throw new ArgumentException("The start time must not be after the end time.", nameof(StartTime));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxParallelDownloads, 1, nameof(MaxParallelDownloads));
    }
}
