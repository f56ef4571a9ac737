namespace Contrail.Api.CloudTrail.Trails;

/// <summary>A tag of a trail (CreateTrail's or AddTags' <c>TagsList</c>); <paramref name="Value"/> is null for a key given without value.</summary>
internal sealed record TrailTag(string Key, string? Value);
