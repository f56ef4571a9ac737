using Contrail.Api.Protocol;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>What a trail operation decided: a body or an error, and the trail's ARN for the audit record's resources.</summary>
internal readonly record struct TrailResult(byte[]? Body, ApiError? Error, string? TrailArn)
{
    public static TrailResult Fail(ApiError error, string? trailArn = null) => new(null, error, trailArn);

    public static TrailResult Ok(byte[] body, string? trailArn) => new(body, null, trailArn);
}
