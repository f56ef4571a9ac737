namespace Contrail.Events.Records;

/// <summary>CloudTrail's size limits on records (spec §1.1).</summary>
public static class RecordLimits
{
    /// <summary>Largest accepted event, in bytes of UTF-8 JSON: 256 KB.</summary>
    public const int MaxEventBytes = 256 * 1024;

    /// <summary><c>userAgent</c>, <c>errorCode</c>, <c>errorMessage</c>, <c>requestID</c> are truncated to 1 KB.</summary>
    public const int MaxShortFieldChars = 1024;

    /// <summary><c>requestParameters</c>, <c>responseElements</c>, <c>serviceEventDetails</c>: content omitted beyond 100 KB.</summary>
    public const int MaxLargeObjectBytes = 100 * 1024;

    /// <summary><c>additionalEventData</c>: omitted beyond 28 KB.</summary>
    public const int MaxAdditionalEventDataBytes = 28 * 1024;

    /// <summary>The eventVersion Contrail writes for records it creates or completes.</summary>
    public const string CurrentEventVersion = "1.11";
}
