using System.Net;
using Contrail.Api.Protocol;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// The naming rules of spec §4.3: trail names, trail ARNs and S3 bucket names. Each check returns
/// the error AWS answers with, or null when the value is valid.
/// </summary>
internal static class TrailNames
{
    private const string ArnPrefix = "arn:aws:cloudtrail:";

    /// <summary>Trail name rules: 3–128 ASCII letters, digits, '.', '_', '-'; starts and ends with a letter
    /// or digit; no two special characters side by side; not an IP address.</summary>
    public static ApiError? CheckName(string name)
    {
        if (name.Length < 3)
        {
            return Invalid($"Trail name too short. Minimum allowed length: 3 characters. Specified name length: {name.Length} characters.");
        }

        if (name.Length > 128)
        {
            return Invalid($"Trail name too long. Maximum allowed length: 128 characters. Specified name length: {name.Length} characters.");
        }

        if (!char.IsAsciiLetterOrDigit(name[0]))
        {
            return Invalid("Trail name must starts with a letter or number.");
        }

        if (!char.IsAsciiLetterOrDigit(name[^1]))
        {
            return Invalid("Trail name must ends with a letter or number.");
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                return Invalid("Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).");
            }

            if (i > 0 && !char.IsAsciiLetterOrDigit(c) && !char.IsAsciiLetterOrDigit(name[i - 1]))
            {
                return Invalid("Trail name cannot contain consecutive special characters: periods (.), hyphens (-), or underscores (_).");
            }
        }

        if (LooksLikeIp(name))
        {
            return Invalid("Trail name cannot be formatted as an IP address.");
        }

        return null;
    }

    /// <summary>
    /// Resolves a member that holds a trail name or a trail ARN
    /// (<c>arn:aws:cloudtrail:REGION:ACCOUNT:trail/NAME</c>) to a name of this account and region.
    /// An ARN of another account or region resolves to null with no error: no such trail here.
    /// </summary>
    public static ApiError? Resolve(string nameOrArn, string region, string accountId, out string? name)
    {
        name = null;
        if (!nameOrArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            var error = CheckName(nameOrArn);
            if (error is null)
            {
                name = nameOrArn;
            }

            return error;
        }

        if (!TrySplitArn(nameOrArn, out var arnRegion, out var arnAccount, out var resource)
            || !resource.StartsWith("trail/", StringComparison.Ordinal) || CheckName(resource["trail/".Length..]) is not null)
        {
            return InvalidArn(nameOrArn);
        }

        if (arnRegion == region && arnAccount == accountId)
        {
            name = resource["trail/".Length..];
        }

        return null;
    }

    /// <summary>
    /// Resolves the <c>ResourceId</c> of AddTags/RemoveTags/ListTags, which is an ARN only (the model
    /// names no trail-name form): a trail ARN of this account and region gives the trail's name; one of
    /// another account or region gives null with no error (no such trail here). A name, or an ARN that
    /// is not CloudTrail's, is a <c>CloudTrailARNInvalidException</c>; a trail ARN whose name breaks
    /// the naming rules an <c>InvalidTrailNameException</c>; an event data store, channel or
    /// dashboard ARN a <c>ResourceTypeNotSupportedException</c> (the tag operations hand event data
    /// store and channel ARNs to <c>LakeTags</c> before calling this; dashboards have no tags here).
    /// </summary>
    public static ApiError? ResolveTagged(string resourceId, string region, string accountId, out string? name)
    {
        name = null;
        if (!TrySplitArn(resourceId, out var arnRegion, out var arnAccount, out var resource))
        {
            return InvalidArn(resourceId);
        }

        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        var type = slash < 0 ? resource : resource[..slash];
        if (type is "eventdatastore" or "channel" or "dashboard")
        {
            return new ApiError(TrailErrors.ResourceTypeNotSupported,
                $"Resource type {type} is not supported for tags by this service: only trails have tags.");
        }

        if (type != "trail" || slash < 0)
        {
            return InvalidArn(resourceId);
        }

        var trailName = resource[(slash + 1)..];
        if (CheckName(trailName) is { } nameError)
        {
            return nameError;
        }

        if (arnRegion == region && arnAccount == accountId)
        {
            name = trailName;
        }

        return null;
    }

    /// <summary>S3 bucket names as CloudTrail accepts them: 3–63 lower-case letters, digits, '.', '-';
    /// labels start and end with a letter or digit; not an IP address.</summary>
    public static ApiError? CheckBucket(string bucket)
    {
        if (bucket.Length is < 3 or > 63)
        {
            return Bucket(bucket, "must be between 3 and 63 characters long");
        }

        foreach (var c in bucket)
        {
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterLower(c) && c is not ('.' or '-'))
            {
                return Bucket(bucket, "can contain only lower-case letters, numbers, periods (.) and hyphens (-)");
            }
        }

        foreach (var label in bucket.Split('.'))
        {
            if (label.Length == 0 || !char.IsAsciiLetterOrDigit(label[0]) || !char.IsAsciiLetterOrDigit(label[^1]))
            {
                return Bucket(bucket, "must be a series of labels separated by single periods, each starting and ending with a letter or number");
            }
        }

        return LooksLikeIp(bucket) ? Bucket(bucket, "must not be formatted as an IP address") : null;
    }

    public static string Arn(string region, string accountId, string name) => $"{ArnPrefix}{region}:{accountId}:trail/{name}";

    private static bool LooksLikeIp(string text) =>
        text.Split('.').Length == 4 && IPAddress.TryParse(text, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;

    /// <summary><c>arn:aws:cloudtrail:REGION:ACCOUNT:RESOURCE</c> with a region and a 12-digit account.</summary>
    private static bool TrySplitArn(string arn, out string region, out string accountId, out string resource)
    {
        var parts = arn.Split(':', 6);
        var ok = arn.StartsWith(ArnPrefix, StringComparison.Ordinal) && parts.Length == 6 && parts[3].Length > 0
            && parts[4].Length == 12 && parts[4].All(char.IsAsciiDigit) && parts[5].Length > 0;
        (region, accountId, resource) = ok ? (parts[3], parts[4], parts[5]) : ("", "", "");
        return ok;
    }

    private static ApiError InvalidArn(string arn) => new(TrailErrors.CloudTrailArnInvalid,
        $"ARN {Clip(arn)} is invalid. The ARN format is arn:aws:cloudtrail:<region>:<account-id>:trail/<trail-name>.");

    private static ApiError Invalid(string message) => new(TrailErrors.InvalidTrailName, message);

    private static ApiError Bucket(string bucket, string rule) =>
        new(TrailErrors.InvalidS3BucketName, $"Bucket name {Clip(bucket)} is not valid: a bucket name {rule}.");

    private static string Clip(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
