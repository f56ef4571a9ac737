using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// <c>CreateTrail</c> (spec §4.3). Secure defaults where AWS's API defaults are weaker (DESIGN
/// invariant 6): multi-region, global service events and log file validation are on unless the
/// request turns them off. The bucket is created on first delivery, so it is not checked here.
/// A new trail is not logging until StartLogging, as in AWS. At most <see cref="MaxTrails"/> trails
/// (spec §4.3: 5 per region, not adjustable; a multi-region trail counts in every region, and all
/// trails here are in the one region).
/// </summary>
internal sealed class CreateTrailOperation(TrailCatalog catalog, ServiceIdentity identity, TimeProvider time) : TrailOperation(catalog, identity)
{
    public const int MaxTrails = 5;

    public override string Name => "CreateTrail";

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = TrailInput.First(
            TrailInput.RequiredString(request, "Name", out var name),
            TrailInput.RequiredString(request, "S3BucketName", out _));
        if (error is not null)
        {
            return TrailResult.Fail(error);
        }

        if (TrailNames.CheckName(name) is { } nameError)
        {
            return TrailResult.Fail(nameError);
        }

        var arn = TrailNames.Arn(Identity.Region, Identity.AccountId, name);
        var (settings, settingsError) = TrailSettings.Parse(request, Identity);
        if (settingsError is not null)
        {
            return TrailResult.Fail(settingsError, arn);
        }

        var tagError = TrailTags.Parse(request, out var tags);
        if (tagError is null && tags is { Count: > TrailTags.MaxPerTrail })
        {
            tagError = TrailErrors.TooManyTags(TrailTags.MaxPerTrail);
        }

        if (tagError is not null)
        {
            return TrailResult.Fail(tagError, arn);
        }

        var trail = settings!.ApplyTo(new Trail
        {
            Name = name,
            TrailArn = arn,
            HomeRegion = Identity.Region,
            S3BucketName = settings.S3BucketName!,
            IncludeGlobalServiceEvents = true,
            IsMultiRegionTrail = true,
            LogFileValidationEnabled = true,
            Tags = tags ?? [],
            EventSelectors = EventSelector.Default,
            CreatedAt = time.GetUtcNow(),
        });
        if (trail.IsMultiRegionTrail && !trail.IncludeGlobalServiceEvents)
        {
            return TrailResult.Fail(new ApiError(TrailErrors.InvalidParameterCombination, "Multi-Region trail must include global service events."), arn);
        }

        return Catalog.Add(trail, MaxTrails) switch
        {
            TrailAddOutcome.Added => TrailResult.Ok(TrailResponses.Object(w => TrailResponses.WriteSettings(w, trail)), arn),
            TrailAddOutcome.NameTaken => TrailResult.Fail(TrailErrors.AlreadyExists(name, Identity.AccountId), arn),
            _ => TrailResult.Fail(TrailErrors.TooManyTrails(Identity.AccountId, Identity.Region, MaxTrails), arn),
        };
    }
}
