namespace Contrail.Events.Records;

/// <summary>Why one record was refused: a stable code and a message a person can act on.</summary>
public sealed record RecordError(string Code, string Message)
{
    /// <summary>The record is not valid JSON or not a JSON object.</summary>
    public const string InvalidData = "InvalidData";

    /// <summary>A required field is missing.</summary>
    public const string FieldNotFound = "FieldNotFound";

    /// <summary>A field is longer than its limit.</summary>
    public const string FieldTooLong = "FieldTooLong";

    /// <summary>A field has the wrong JSON type or an impossible value.</summary>
    public const string InvalidField = "InvalidField";

    /// <summary>The event is larger than 256 KB.</summary>
    public const string EventTooLarge = "EventTooLarge";

    /// <summary><c>eventDataChecksum</c> does not match <c>eventData</c>.</summary>
    public const string InvalidChecksum = "InvalidChecksum";

    /// <summary><c>recipientAccountId</c> is not the channel owner's account.</summary>
    public const string InvalidRecipient = "InvalidRecipient";
}
