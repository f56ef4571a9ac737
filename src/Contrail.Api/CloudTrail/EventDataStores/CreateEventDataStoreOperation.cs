using System.Text.Json;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>
/// <c>CreateEventDataStore</c> (spec §4.8). Defaults as AWS documents them: all management events
/// (<see cref="EventDataStoreSettings.DefaultSelectors"/>), multi-Region, termination protection on,
/// extendable pricing with 366 days (2557 for fixed pricing), ingestion started. The answer's
/// <c>Status</c> is <c>CREATED</c>, as AWS answers; the store is then <c>ENABLED</c>, or
/// <c>STOPPED_INGESTION</c> with <c>StartIngestion: false</c>. At most <see cref="MaxEventDataStores"/>
/// stores not pending deletion.
/// </summary>
internal sealed class CreateEventDataStoreOperation(EventDataStoreCatalog catalog, ServiceIdentity identity, TimeProvider time)
    : EventDataStoreOperation(catalog, identity)
{
    public const int MaxEventDataStores = 10;

    public override string Name => "CreateEventDataStore";

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = TrailInput.First(
            TrailInput.RequiredString(request, "Name", out var name),
            TrailInput.Boolean(request, "StartIngestion", out var startIngestion),
            TrailTags.Parse(request, out var tags));
        if (error is not null)
        {
            return TrailResult.Fail(error);
        }

        if (tags is { Count: > TrailTags.MaxPerTrail })
        {
            return TrailResult.Fail(TrailErrors.TooManyTags(TrailTags.MaxPerTrail));
        }

        var (settings, settingsError) = EventDataStoreSettings.Parse(request, Identity);
        if (settingsError is not null)
        {
            return TrailResult.Fail(settingsError);
        }

        var id = Guid.NewGuid().ToString("D");
        var now = time.GetUtcNow();
        var billingMode = settings!.BillingMode ?? EventDataStoreSettings.Extendable;
        var (store, ruleError) = settings.ApplyTo(new EventDataStore
        {
            Id = id,
            EventDataStoreArn = LakeNames.Arn(Identity.Region, Identity.AccountId, LakeNames.EventDataStoreKind, id),
            Name = name,
            Status = startIngestion == false ? EventDataStoreStatus.StoppedIngestion : EventDataStoreStatus.Enabled,
            AdvancedEventSelectors = EventDataStoreSettings.DefaultSelectors,
            MultiRegionEnabled = true,
            RetentionPeriod = billingMode == EventDataStoreSettings.Fixed ? EventDataStoreSettings.MaxFixedRetention : EventDataStoreSettings.DefaultExtendableRetention,
            TerminationProtectionEnabled = true,
            BillingMode = billingMode,
            Tags = tags ?? [],
            CreatedTimestamp = now,
            UpdatedTimestamp = now,
        });
        if (ruleError is not null)
        {
            return TrailResult.Fail(ruleError);
        }

        return Catalog.Add(store!, MaxEventDataStores) switch
        {
            EventDataStoreAddOutcome.Done => Answer(store!, EventDataStoreStatus.Created, tags: true),
            EventDataStoreAddOutcome.NameTaken => TrailResult.Fail(EventDataStoreErrors.NameTaken(name)),
            _ => TrailResult.Fail(EventDataStoreErrors.TooMany(MaxEventDataStores)),
        };
    }
}
