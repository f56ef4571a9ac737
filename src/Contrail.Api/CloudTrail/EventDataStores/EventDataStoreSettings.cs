using System.Text.Json;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Protocol;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>
/// The members CreateEventDataStore and UpdateEventDataStore share, read and checked for shape
/// (spec §4.8, §6.3); null members were not given. <see cref="ApplyTo"/> then checks the rules that
/// depend on the store as a whole (retention against billing mode).
/// </summary>
internal sealed record EventDataStoreSettings
{
    public const int MinRetention = 7;
    public const int MaxRetention = 3653;
    public const int MaxFixedRetention = 2557;
    public const int DefaultExtendableRetention = 366;
    public const string Extendable = "EXTENDABLE_RETENTION_PRICING";
    public const string Fixed = "FIXED_RETENTION_PRICING";

    /// <summary>
    /// The selectors of a store created without any: all management events, as AWS's console and CLI
    /// documentation show (<c>"Default management events"</c>; spec §9 item 8).
    /// </summary>
    public static readonly IReadOnlyList<AdvancedEventSelector> DefaultSelectors =
        [new AdvancedEventSelector("Default management events", [new AdvancedFieldSelector("eventCategory", ["Management"], null, null, null, null, null)])];

    public string? Name { get; init; }

    public IReadOnlyList<AdvancedEventSelector>? AdvancedEventSelectors { get; init; }

    public bool? MultiRegionEnabled { get; init; }

    public bool? OrganizationEnabled { get; init; }

    public int? RetentionPeriod { get; init; }

    public bool? TerminationProtectionEnabled { get; init; }

    public string? KmsKeyId { get; init; }

    public string? BillingMode { get; init; }

    public static (EventDataStoreSettings? Settings, ApiError? Error) Parse(JsonElement request, ServiceIdentity identity)
    {
        var error = TrailInput.First(
            JsonInput.String(request, "Name", out var name),
            JsonInput.Array(request, "AdvancedEventSelectors", out var selectors),
            TrailInput.Boolean(request, "MultiRegionEnabled", out var multiRegion),
            TrailInput.Boolean(request, "OrganizationEnabled", out var organization),
            JsonInput.Integer(request, "RetentionPeriod", out var retention),
            TrailInput.Boolean(request, "TerminationProtectionEnabled", out var protection),
            JsonInput.String(request, "KmsKeyId", out var kmsKeyId),
            JsonInput.String(request, "BillingMode", out var billingMode));
        if (error is not null)
        {
            return (null, error);
        }

        if (name is not null && LakeNames.CheckName(name, "Name") is { } nameError)
        {
            return (null, nameError);
        }

        if (retention is < MinRetention or > MaxRetention)
        {
            return (null, ApiError.Validation(retention < MinRetention
                ? $"1 validation error detected: Value '{retention}' at 'retentionPeriod' failed to satisfy constraint: Member must have value greater than or equal to {MinRetention}"
                : $"1 validation error detected: Value '{retention}' at 'retentionPeriod' failed to satisfy constraint: Member must have value less than or equal to {MaxRetention}"));
        }

        if (billingMode is not (null or Extendable or Fixed))
        {
            return (null, ApiError.Validation(
                $"1 validation error detected: Value '{Clip(billingMode)}' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [{Extendable}, {Fixed}]"));
        }

        if (organization == true && identity.OrganizationId is null)
        {
            return (null, new ApiError(TrailErrors.OrganizationsNotInUse,
                "This account is not a member of an organization: set CONTRAIL_ORGANIZATION_ID to create organization event data stores."));
        }

        string? kmsArn = null;
        if (kmsKeyId is not null && TrailKmsKeys.Resolve(kmsKeyId, identity, out kmsArn) is { } kmsError)
        {
            return (null, kmsError);
        }

        List<AdvancedEventSelector>? parsed = null;
        if (selectors is { } list)
        {
            (parsed, error) = EventSelectorParser.ParseAdvanced(list, eventDataStore: true);
            if (error is not null)
            {
                return (null, error);
            }
        }

        return (new EventDataStoreSettings
        {
            Name = name,
            AdvancedEventSelectors = parsed,
            MultiRegionEnabled = multiRegion,
            OrganizationEnabled = organization,
            RetentionPeriod = retention,
            TerminationProtectionEnabled = protection,
            KmsKeyId = kmsArn,
            BillingMode = billingMode,
        }, null);
    }

    /// <summary>
    /// <paramref name="store"/> with the members given applied, or the error of a rule of the whole: a
    /// <c>FIXED_RETENTION_PRICING</c> store keeps at most <see cref="MaxFixedRetention"/> days; a store cannot
    /// go from extendable to fixed pricing; a KMS key, once set, cannot change (AWS's documentation).
    /// </summary>
    public (EventDataStore? Store, ApiError? Error) ApplyTo(EventDataStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (BillingMode == Fixed && store.BillingMode == Extendable)
        {
            return (null, EventDataStoreErrors.Parameter("The billing mode of an event data store cannot change from EXTENDABLE_RETENTION_PRICING to FIXED_RETENTION_PRICING."));
        }

        if (KmsKeyId is not null && store.KmsKeyId is not null && KmsKeyId != store.KmsKeyId)
        {
            return (null, EventDataStoreErrors.Parameter("The KMS key of an event data store cannot be changed once set."));
        }

        var next = store with
        {
            Name = Name ?? store.Name,
            AdvancedEventSelectors = AdvancedEventSelectors ?? store.AdvancedEventSelectors,
            MultiRegionEnabled = MultiRegionEnabled ?? store.MultiRegionEnabled,
            OrganizationEnabled = OrganizationEnabled ?? store.OrganizationEnabled,
            RetentionPeriod = RetentionPeriod ?? store.RetentionPeriod,
            TerminationProtectionEnabled = TerminationProtectionEnabled ?? store.TerminationProtectionEnabled,
            KmsKeyId = KmsKeyId ?? store.KmsKeyId,
            BillingMode = BillingMode ?? store.BillingMode,
        };
        if (next.BillingMode == Fixed && next.RetentionPeriod > MaxFixedRetention)
        {
            return (null, EventDataStoreErrors.Parameter(
                $"RetentionPeriod {next.RetentionPeriod} is not valid for FIXED_RETENTION_PRICING: the maximum is {MaxFixedRetention} days (3653 with EXTENDABLE_RETENTION_PRICING)."));
        }

        return (next, null);
    }

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
