namespace Contrail.Api.CloudTrail.Trails;

/// <summary>Data events a basic selector logs: a resource type and ARNs or ARN prefixes.</summary>
internal sealed record DataResource(string Type, IReadOnlyList<string> Values);
