using System.Globalization;

namespace Contrail.Events.Records;

/// <summary>
/// CloudTrail's <c>eventTime</c>: UTC, ISO 8601 extended, second precision, a literal <c>Z</c>
/// (spec §1.2, DESIGN.md invariant 5). Parsing is lenient (offsets, fractions); writing is exact.
/// </summary>
public static class EventTime
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    /// <summary>Parses an ISO 8601 date-time; a value without an offset is taken as UTC.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text) || text.Length > 40)
        {
            return false;
        }

        return DateTimeOffset.TryParseExact(
            text,
            Formats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);
    }

    /// <summary>Formats as CloudTrail writes it: <c>2019-06-19T00:18:31Z</c> (sub-second part dropped).</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Unix epoch microseconds of <paramref name="value"/>.</summary>
    public static long ToUnixMicros(DateTimeOffset value) =>
        (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (TimeSpan.TicksPerMillisecond / 1000);

    /// <summary>The instant of <paramref name="micros"/> Unix epoch microseconds.</summary>
    public static DateTimeOffset FromUnixMicros(long micros) =>
        DateTimeOffset.UnixEpoch.AddTicks(micros * (TimeSpan.TicksPerMillisecond / 1000));
}
