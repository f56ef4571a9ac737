namespace Contrail.Api.Auth;

/// <summary>The identity a verified request acts as (CloudTrail's <c>userIdentity</c>).</summary>
internal sealed record Principal(string AccessKeyId, string AccountId, string Type, string Arn, string PrincipalId, string? UserName);
