namespace Contrail.Events.Records;

/// <summary>CloudTrail's size limits on records (spec §1.1).</summary>
public static class RecordLimits
{
    /// <summary>Largest accepted event, in bytes of UTF-8 JSON: 256 KB.</summary>
    public const int MaxEventBytes = 256 * 1024;

    /// <summary><c>userAgent</c>, <c>errorCode</c>, <c>errorMessage</c>, <c>requestID</c> are truncated to 1 KB.</summary>
    public const int MaxShortFieldChars = 1024;

    /// <summary>What CloudTrail appends to a truncated short field.</summary>
    public const string TruncationMark = "...";

    /// <summary>
    /// The truncated form of a short field over 1 KB, or null when it stays as it is. CloudTrail's own
    /// truncated values are 1,023 characters followed by <c>...</c> (1,026 in all, as in the
    /// stratus-red-team samples); such a value, or any up to that length ending in the mark, is
    /// already truncated and kept, so a CloudTrail record passes through unchanged.
    /// </summary>
    public static string? TruncateShortField(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= MaxShortFieldChars
            || (value.Length <= MaxShortFieldChars - 1 + TruncationMark.Length && value.EndsWith(TruncationMark, StringComparison.Ordinal)))
        {
            return null;
        }

        return string.Concat(value.AsSpan(0, MaxShortFieldChars - 1), TruncationMark);
    }

    /// <summary><c>requestParameters</c>, <c>responseElements</c>, <c>serviceEventDetails</c>: content omitted beyond 100 KB.</summary>
    public const int MaxLargeObjectBytes = 100 * 1024;

    /// <summary><c>additionalEventData</c>: omitted beyond 28 KB.</summary>
    public const int MaxAdditionalEventDataBytes = 28 * 1024;

    /// <summary>The eventVersion Contrail writes for records it creates or completes.</summary>
    public const string CurrentEventVersion = "1.11";
}
