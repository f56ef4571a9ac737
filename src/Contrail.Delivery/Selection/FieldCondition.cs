namespace Contrail.Delivery.Selection;

/// <summary>
/// One condition of an advanced selector (CloudTrail <c>AdvancedFieldSelector</c>). The operators
/// given (non-null) are ANDed; the values of one operator are ORed for <c>Equals</c>,
/// <c>StartsWith</c>, <c>EndsWith</c>, and must all fail for the <c>Not…</c> operators. Comparison
/// is ordinal (case-sensitive). (<c>Equals</c> is named <see cref="EqualTo"/>: a record cannot
/// have a member called Equals.)
/// </summary>
/// <param name="Field">A record field: <c>eventCategory</c>, <c>eventSource</c>, <c>eventName</c>, <c>eventType</c>,
/// <c>readOnly</c>, <c>managementEvent</c>, <c>errorCode</c>, <c>vpcEndpointId</c>, <c>sessionCredentialFromConsole</c>,
/// <c>userIdentity.arn</c>, <c>resources.type</c>, <c>resources.ARN</c>. Any other name is a field that is always missing.</param>
/// <param name="EqualTo">The field equals one of these.</param>
/// <param name="StartsWith">The field starts with one of these.</param>
/// <param name="EndsWith">The field ends with one of these.</param>
/// <param name="NotEquals">The field equals none of these.</param>
/// <param name="NotStartsWith">The field starts with none of these.</param>
/// <param name="NotEndsWith">The field ends with none of these.</param>
public sealed record FieldCondition(
    string Field,
    IReadOnlyList<string>? EqualTo = null,
    IReadOnlyList<string>? StartsWith = null,
    IReadOnlyList<string>? EndsWith = null,
    IReadOnlyList<string>? NotEquals = null,
    IReadOnlyList<string>? NotStartsWith = null,
    IReadOnlyList<string>? NotEndsWith = null);
