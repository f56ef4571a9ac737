namespace Contrail.Api.CloudTrail.Trails;

/// <summary>A tag of a trail (CreateTrail's <c>TagsList</c>).</summary>
internal sealed record TrailTag(string Key, string? Value);
