using System.Globalization;

namespace Contrail.Delivery.Validation;

/// <summary>
/// Times as <c>aws cloudtrail validate-logs</c> reads and prints them (AWS CLI v1
/// <c>awscli/customizations/cloudtrail/validation.py</c>: <c>parse_date</c>, <c>normalize_date</c>,
/// <c>format_display_date</c>, <c>format_date</c>).
/// </summary>
public static class ValidationDates
{
    private const string DisplayFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private const string KeyFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>
    /// Parses a time as the AWS CLI does and "normalizes" it the same way: the clock time is kept and
    /// the offset replaced by UTC (<c>date.replace(tzinfo=tzutc())</c>), so <c>01:00+02:00</c> means
    /// <c>01:00Z</c>, exactly as with the AWS CLI. Accepts ISO 8601 forms (<c>2024-01-01</c>,
    /// <c>2024-01-01T00:00:00Z</c>, <c>2024-01-01 00:00</c>, fractions, offsets) and the compact
    /// <c>20240101T000000Z</c> of digest file names.
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, KeyFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var compact))
        {
            time = new DateTimeOffset(compact, TimeSpan.Zero);
            return true;
        }

        if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        time = new DateTimeOffset(DateTime.SpecifyKind(parsed.DateTime, DateTimeKind.Unspecified), TimeSpan.Zero);
        return true;
    }

    /// <summary>As <see cref="TryParse"/>; throws <see cref="FormatException"/> with the AWS CLI's message <c>Unable to parse date value: …</c>.</summary>
    public static DateTimeOffset Parse(string? text) =>
        TryParse(text, out var time) ? time : throw new FormatException($"Unable to parse date value: {text}");

    /// <summary><c>2024-01-01T00:00:00Z</c>: how the AWS CLI prints times (seconds truncated, UTC).</summary>
    public static string Display(DateTimeOffset time) => time.UtcDateTime.ToString(DisplayFormat, CultureInfo.InvariantCulture);

    /// <summary><c>20240101T000000Z</c>: the time in a digest file name.</summary>
    internal static string KeyStamp(DateTimeOffset time) => time.UtcDateTime.ToString(KeyFormat, CultureInfo.InvariantCulture);
}
