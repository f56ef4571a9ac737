using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// <c>CreateTrail</c> (spec §4.3). Secure defaults where AWS's API defaults are weaker (DESIGN
/// invariant 6): multi-region, global service events and log file validation are on unless the
/// request turns them off. The bucket is created on first delivery, so it is not checked here.
/// A new trail is not logging until StartLogging, as in AWS.
/// </summary>
internal sealed class CreateTrailOperation(TrailCatalog catalog, ServiceIdentity identity, TimeProvider time) : TrailOperation(catalog, identity)
{
    public const int MaxTags = 50;

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

        var (tags, tagError) = ParseTags(request);
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
            Tags = tags!,
            EventSelectors = EventSelector.Default,
            CreatedAt = time.GetUtcNow(),
        });
        if (trail.IsMultiRegionTrail && !trail.IncludeGlobalServiceEvents)
        {
            return TrailResult.Fail(new ApiError(TrailErrors.InvalidParameterCombination, "Multi-Region trail must include global service events."), arn);
        }

        return Catalog.TryAdd(trail)
            ? TrailResult.Ok(TrailResponses.Object(w => TrailResponses.WriteSettings(w, trail)), arn)
            : TrailResult.Fail(TrailErrors.AlreadyExists(name, Identity.AccountId), arn);
    }

    private static (List<TrailTag>?, ApiError?) ParseTags(JsonElement request)
    {
        var error = JsonInput.Array(request, "TagsList", out var list);
        if (error is not null)
        {
            return (null, error);
        }

        var tags = new List<TrailTag>();
        if (list is not { } items)
        {
            return (tags, null);
        }

        if (items.GetArrayLength() > MaxTags)
        {
            return (null, new ApiError(TrailErrors.TagsLimitExceeded, $"A trail can have at most {MaxTags} tags; {items.GetArrayLength()} were given."));
        }

        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return (null, ApiError.Serialization($"TagsList must be a list of objects; got {JsonInput.Kind(item)} in it."));
            }

            error = TrailInput.First(JsonInput.String(item, "Key", out var key), JsonInput.String(item, "Value", out var value));
            if (error is not null)
            {
                return (null, error);
            }

            if (key is not { Length: >= 1 and <= 128 } || value is { Length: > 256 })
            {
                return (null, new ApiError(TrailErrors.InvalidTagParameter,
                    "A tag key must have 1 to 128 characters, and a tag value at most 256."));
            }

            if (tags.Exists(t => t.Key == key))
            {
                return (null, new ApiError(TrailErrors.InvalidTagParameter, $"The tag key {key} is given more than once."));
            }

            tags.Add(new TrailTag(key, value));
        }

        return (tags, null);
    }
}
