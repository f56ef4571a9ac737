using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// The optional settings CreateTrail and UpdateTrail share (spec §4.3), parsed and validated; a
/// null member was not given. An empty string clears an optional string on UpdateTrail.
/// <see cref="KmsKeyId"/> is already an ARN (<see cref="TrailKmsKeys"/>). <c>IsOrganizationTrail</c>
/// true needs the service's organization (<see cref="ServiceIdentity.OrganizationId"/>), which
/// <see cref="OrganizationId"/> then carries; without one it is an <c>OrganizationsNotInUseException</c>.
/// </summary>
internal sealed record TrailSettings(
    string? S3BucketName,
    string? S3KeyPrefix,
    string? SnsTopicName,
    bool? IncludeGlobalServiceEvents,
    bool? IsMultiRegionTrail,
    bool? EnableLogFileValidation,
    string? CloudWatchLogsLogGroupArn,
    string? CloudWatchLogsRoleArn,
    string? KmsKeyId,
    bool? IsOrganizationTrail,
    string? OrganizationId)
{
    public const int MaxPrefixLength = 200;

    public static (TrailSettings?, ApiError?) Parse(JsonElement request, ServiceIdentity identity)
    {
        var error = TrailInput.First(
            JsonInput.String(request, "S3BucketName", out var bucket),
            JsonInput.String(request, "S3KeyPrefix", out var prefix),
            JsonInput.String(request, "SnsTopicName", out var topic),
            TrailInput.Boolean(request, "IncludeGlobalServiceEvents", out var global),
            TrailInput.Boolean(request, "IsMultiRegionTrail", out var multiRegion),
            TrailInput.Boolean(request, "EnableLogFileValidation", out var validation),
            JsonInput.String(request, "CloudWatchLogsLogGroupArn", out var logGroup),
            JsonInput.String(request, "CloudWatchLogsRoleArn", out var role),
            JsonInput.String(request, "KmsKeyId", out var kms),
            TrailInput.Boolean(request, "IsOrganizationTrail", out var organization));
        if (error is not null)
        {
            return (null, error);
        }

        if (bucket is not null && TrailNames.CheckBucket(bucket) is { } bucketError)
        {
            return (null, bucketError);
        }

        if (prefix is { Length: > MaxPrefixLength })
        {
            return (null, new ApiError(TrailErrors.InvalidS3Prefix,
                $"S3KeyPrefix is too long: {prefix.Length} characters; the maximum is {MaxPrefixLength}."));
        }

        if (topic is { Length: > 256 })
        {
            return (null, new ApiError(TrailErrors.InvalidSnsTopicName, $"SnsTopicName is too long: {topic.Length} characters; the maximum is 256."));
        }

        if (global == false && multiRegion == true)
        {
            return (null, new ApiError(TrailErrors.InvalidParameterCombination,
                "Multi-Region trail must include global service events."));
        }

        if (string.IsNullOrEmpty(logGroup) != string.IsNullOrEmpty(role) && (logGroup is not null || role is not null))
        {
            return (null, new ApiError(TrailErrors.InvalidParameterCombination,
                "You must specify both CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn, or neither."));
        }

        string? kmsArn = kms;
        if (!string.IsNullOrEmpty(kms) && TrailKmsKeys.Resolve(kms, identity, out kmsArn) is { } kmsError)
        {
            return (null, kmsError);
        }

        if (organization == true && identity.OrganizationId is null)
        {
            return (null, new ApiError(TrailErrors.OrganizationsNotInUse,
                "The request was made from an account that is not a member of an organization; "
                + "organization trails need the service's CONTRAIL_ORGANIZATION_ID."));
        }

        var organizationId = organization == true ? identity.OrganizationId : null;
        return (new TrailSettings(bucket, prefix, topic, global, multiRegion, validation, logGroup, role, kmsArn, organization, organizationId), null);
    }

    /// <summary>Applies the given members to <paramref name="trail"/>; members not given keep their value.</summary>
    public Trail ApplyTo(Trail trail) => trail with
    {
        S3BucketName = S3BucketName ?? trail.S3BucketName,
        S3KeyPrefix = Clear(S3KeyPrefix, trail.S3KeyPrefix),
        SnsTopicName = Clear(SnsTopicName, trail.SnsTopicName),
        IncludeGlobalServiceEvents = IncludeGlobalServiceEvents ?? trail.IncludeGlobalServiceEvents,
        IsMultiRegionTrail = IsMultiRegionTrail ?? trail.IsMultiRegionTrail,
        LogFileValidationEnabled = EnableLogFileValidation ?? trail.LogFileValidationEnabled,
        CloudWatchLogsLogGroupArn = Clear(CloudWatchLogsLogGroupArn, trail.CloudWatchLogsLogGroupArn),
        CloudWatchLogsRoleArn = Clear(CloudWatchLogsRoleArn, trail.CloudWatchLogsRoleArn),
        KmsKeyId = Clear(KmsKeyId, trail.KmsKeyId),
        IsOrganizationTrail = IsOrganizationTrail ?? trail.IsOrganizationTrail,
        OrganizationId = IsOrganizationTrail switch
        {
            true => OrganizationId,
            false => null,
            null => trail.OrganizationId,
        },
    };

    private static string? Clear(string? given, string? current) => given switch
    {
        null => current,
        "" => null,
        _ => given,
    };
}
