using System.Collections.Frozen;

namespace Contrail.Events.Records;

/// <summary>Every top-level field of a CloudTrail record up to eventVersion 1.11, with its JSON shape (spec §1.2).</summary>
internal static class RecordFields
{
    public static readonly FrozenDictionary<string, FieldKind> Kinds = new Dictionary<string, FieldKind>(StringComparer.Ordinal)
    {
        ["eventVersion"] = FieldKind.String,
        ["userIdentity"] = FieldKind.Object,
        ["eventTime"] = FieldKind.String,
        ["eventSource"] = FieldKind.String,
        ["eventName"] = FieldKind.String,
        ["awsRegion"] = FieldKind.String,
        ["sourceIPAddress"] = FieldKind.String,
        ["userAgent"] = FieldKind.String,
        ["errorCode"] = FieldKind.String,
        ["errorMessage"] = FieldKind.String,
        ["requestParameters"] = FieldKind.ObjectOrNull,
        ["responseElements"] = FieldKind.ObjectOrNull,
        ["additionalEventData"] = FieldKind.Object,
        ["requestID"] = FieldKind.String,
        ["eventID"] = FieldKind.String,
        ["readOnly"] = FieldKind.Boolean,
        ["resources"] = FieldKind.ResourceArray,
        ["eventType"] = FieldKind.String,
        ["apiVersion"] = FieldKind.String,
        ["managementEvent"] = FieldKind.Boolean,
        ["recipientAccountId"] = FieldKind.String,
        ["serviceEventDetails"] = FieldKind.Object,
        ["sharedEventID"] = FieldKind.String,
        ["vpcEndpointId"] = FieldKind.String,
        ["vpcEndpointAccountId"] = FieldKind.String,
        ["eventCategory"] = FieldKind.String,
        ["addendum"] = FieldKind.Object,
        ["sessionCredentialFromConsole"] = FieldKind.String,
        ["edgeDeviceDetails"] = FieldKind.Object,
        ["tlsDetails"] = FieldKind.Object,
        ["eventContext"] = FieldKind.Object,
        ["insightDetails"] = FieldKind.Object,
        ["annotation"] = FieldKind.String,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Strings CloudTrail truncates at 1 KB.</summary>
    public static readonly FrozenSet<string> Truncated =
        new[] { "userAgent", "errorCode", "errorMessage", "requestID" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The values <c>eventCategory</c> takes (spec §1.2).</summary>
    public static readonly FrozenSet<string> Categories =
        new[] { "Management", "Data", "NetworkActivity", "Insight", "ConfigurationItem", "Evidence", "ActivityAuditLog" }
            .ToFrozenSet(StringComparer.Ordinal);
}
