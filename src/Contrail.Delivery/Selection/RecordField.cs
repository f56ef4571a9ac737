namespace Contrail.Delivery.Selection;

/// <summary>The record fields selectors can test. The scalar fields come first: they index <see cref="RecordView"/>'s slots.</summary>
internal enum RecordField
{
    EventCategory,
    ManagementEvent,
    ReadOnly,
    EventSource,
    EventName,
    EventType,
    ErrorCode,
    VpcEndpointId,
    SessionCredentialFromConsole,
    UserIdentityArn,
    ResourcesType,
    ResourcesArn,

    /// <summary>A field name the matcher does not know: always missing.</summary>
    Unknown,
}

/// <summary>Field names as selectors spell them.</summary>
internal static class RecordFields
{
    /// <summary>The number of scalar fields (those before <see cref="RecordField.ResourcesType"/>).</summary>
    public const int ScalarCount = (int)RecordField.ResourcesType;

    public static RecordField Parse(string name) => name switch
    {
        "eventCategory" => RecordField.EventCategory,
        "managementEvent" => RecordField.ManagementEvent,
        "readOnly" => RecordField.ReadOnly,
        "eventSource" => RecordField.EventSource,
        "eventName" => RecordField.EventName,
        "eventType" => RecordField.EventType,
        "errorCode" => RecordField.ErrorCode,
        "vpcEndpointId" => RecordField.VpcEndpointId,
        "sessionCredentialFromConsole" => RecordField.SessionCredentialFromConsole,
        "userIdentity.arn" => RecordField.UserIdentityArn,
        "resources.type" => RecordField.ResourcesType,
        "resources.ARN" => RecordField.ResourcesArn,
        _ => RecordField.Unknown,
    };

    public static int Bit(RecordField field) => 1 << (int)field;
}
