using Contrail.Delivery.Objects;

namespace Contrail.Delivery.Validation;

/// <summary>The validated, immutable copy of <see cref="LogValidationOptions"/> a run works from.</summary>
internal sealed record ValidationSettings(
    IObjectStore Store,
    string Bucket,
    string? Prefix,
    string AccountId,
    string? OrganizationId,
    string TrailName,
    string HomeRegion,
    string SourceRegion,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    IPublicKeySource PublicKeys,
    int MaxParallelDownloads,
    bool ContrailChecks);
