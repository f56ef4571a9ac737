namespace Contrail.Delivery.Selection;

/// <summary>The data events a basic selector selects (CloudTrail <c>DataResource</c>, spec §4.4).</summary>
/// <param name="Type">A resource type, e.g. <c>AWS::S3::Object</c>; compared with <c>resources[].type</c>, case-sensitive.</param>
/// <param name="Values">
/// ARNs or ARN prefixes: <c>arn:aws:s3</c>, <c>arn:aws:lambda</c>, <c>arn:aws:dynamodb</c> select every resource of that
/// service; other S3 values are prefixes; Lambda and DynamoDB values are exact ARNs. See docs/dev/event-selection.md.
/// </param>
public sealed record DataResourceSelector(string Type, IReadOnlyList<string> Values);
