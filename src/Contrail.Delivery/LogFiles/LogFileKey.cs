using System.Globalization;
using System.Text;

namespace Contrail.Delivery.LogFiles;

/// <summary>
/// The object key of a delivered log file, exactly as CloudTrail lays it out (spec §1.5):
/// <code>
/// [prefix/]AWSLogs/[O-ID/]AccountID/CloudTrail/Region/YYYY/MM/DD/AccountID_CloudTrail_Region_YYYYMMDDTHHmmZ_Unique.json.gz
/// </code>
/// Insights files use <c>CloudTrail-Insight</c> in both places. The folder date and the file
/// timestamp are the delivery time in UTC, to the minute. Immutable; equal when the keys are equal.
/// Keep in sync with docs/dev/log-file-format.md.
/// </summary>
public sealed class LogFileKey : IEquatable<LogFileKey>
{
    /// <summary>Longest trail <c>S3KeyPrefix</c> CloudTrail accepts, in characters.</summary>
    public const int MaxKeyPrefixLength = 200;

    private const string AwsLogs = "AWSLogs";
    private const string Suffix = ".json.gz";
    private const string TimestampFormat = "yyyyMMdd'T'HHmm'Z'";

    private LogFileKey(string? keyPrefix, string? organizationId, string accountId, string region,
        DateTimeOffset deliveryTime, string unique, LogFileKind kind)
    {
        KeyPrefix = keyPrefix;
        OrganizationId = organizationId;
        AccountId = accountId;
        Region = region;
        DeliveryTime = deliveryTime;
        Unique = unique;
        Kind = kind;
        Key = Build();
    }

    /// <summary>The trail's key prefix without a trailing <c>/</c>, or null when there is none.</summary>
    public string? KeyPrefix { get; }

    /// <summary>The organization id (<c>o-…</c>) of an organization trail, or null.</summary>
    public string? OrganizationId { get; }

    /// <summary>The 12-digit account id.</summary>
    public string AccountId { get; }

    /// <summary>The region where the events were recorded.</summary>
    public string Region { get; }

    /// <summary>The delivery time, UTC, truncated to the minute.</summary>
    public DateTimeOffset DeliveryTime { get; }

    /// <summary>The 16-character unique part of the file name (see <see cref="UniqueString"/>).</summary>
    public string Unique { get; }

    /// <summary>Events or Insights.</summary>
    public LogFileKind Kind { get; }

    /// <summary>The full object key (without the bucket).</summary>
    public string Key { get; }

    /// <summary>The file name: the last segment of <see cref="Key"/>.</summary>
    public string FileName => Key[(Key.LastIndexOf('/') + 1)..];

    /// <summary>
    /// Builds a key. A trailing <c>/</c> on <paramref name="keyPrefix"/> is dropped, and an empty
    /// prefix means none; <paramref name="deliveryTime"/> is converted to UTC and truncated to the minute.
    /// </summary>
    /// <exception cref="ArgumentException">A part is malformed (see docs/dev/log-file-format.md).</exception>
    public static LogFileKey Create(string? keyPrefix, string? organizationId, string accountId, string region,
        DateTimeOffset deliveryTime, string unique, LogFileKind kind = LogFileKind.Events)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(unique);
        if (keyPrefix is not null)
        {
            keyPrefix = keyPrefix.TrimEnd('/');
            if (keyPrefix.Length == 0)
            {
                keyPrefix = null;
            }
        }

        if (keyPrefix is not null && !IsPrefix(keyPrefix))
        {
            throw new ArgumentException("The key prefix must be at most 200 characters of non-empty '/'-separated segments, without '.', '..', a leading '/' or control characters.", nameof(keyPrefix));
        }

        if (organizationId is not null && !IsOrganizationId(organizationId))
        {
            throw new ArgumentException("The organization id must look like o-xxxxxxxxxx (10 to 32 lowercase letters or digits).", nameof(organizationId));
        }

        if (!IsAccountId(accountId))
        {
            throw new ArgumentException("The account id must be 12 digits.", nameof(accountId));
        }

        if (!IsRegion(region))
        {
            throw new ArgumentException("The region must be lowercase letters, digits and '-'.", nameof(region));
        }

        if (!UniqueString.IsValid(unique))
        {
            throw new ArgumentException("The unique part must be 16 characters of [A-Za-z0-9].", nameof(unique));
        }

        if (kind is not (LogFileKind.Events or LogFileKind.Insight))
        {
            throw new ArgumentOutOfRangeException(nameof(kind));
        }

        var utc = deliveryTime.ToUniversalTime();
        var minute = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero);
        return new LogFileKey(keyPrefix, organizationId, accountId, region, minute, unique, kind);
    }

    /// <summary>Parses a key this type builds; anything else is rejected.</summary>
    /// <exception cref="FormatException"><paramref name="key"/> is not a log file key.</exception>
    public static LogFileKey Parse(string key) =>
        TryParse(key, out var parsed) ? parsed : throw new FormatException($"'{key}' is not a CloudTrail log file key.");

    /// <summary>Parses a key this type builds; false for anything else (digests, other objects, malformed keys).</summary>
    public static bool TryParse(string? key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LogFileKey? parsed)
    {
        parsed = null;
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        // From the end: file, DD, MM, YYYY, region, kind, account, [org id], AWSLogs, prefix segments.
        var segments = key.Split('/');
        if (segments.Length < 8)
        {
            return false;
        }

        var n = segments.Length;
        var kindSegment = segments[n - 6];
        LogFileKind kind;
        if (kindSegment == "CloudTrail")
        {
            kind = LogFileKind.Events;
        }
        else if (kindSegment == "CloudTrail-Insight")
        {
            kind = LogFileKind.Insight;
        }
        else
        {
            return false;
        }

        var account = segments[n - 7];
        var region = segments[n - 5];
        int awsLogsIndex;
        string? organizationId = null;
        if (segments[n - 8] == AwsLogs)
        {
            awsLogsIndex = n - 8;
        }
        else if (n >= 9 && segments[n - 9] == AwsLogs && IsOrganizationId(segments[n - 8]))
        {
            awsLogsIndex = n - 9;
            organizationId = segments[n - 8];
        }
        else
        {
            return false;
        }

        var prefix = awsLogsIndex == 0 ? null : string.Join('/', segments, 0, awsLogsIndex);
        var fileName = segments[n - 1];
        var expectedStart = $"{account}_{kindSegment}_{region}_";
        if (!fileName.StartsWith(expectedStart, StringComparison.Ordinal) || !fileName.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return false;
        }

        // After "<account>_<kind>_<region>_": "YYYYMMDDTHHmmZ_" (15 chars), the unique part (16), ".json.gz".
        var rest = fileName.AsSpan(expectedStart.Length, fileName.Length - expectedStart.Length - Suffix.Length);
        if (rest.Length != 15 + UniqueString.Length || rest[14] != '_')
        {
            return false;
        }

        if (!DateTime.TryParseExact(rest[..14], TimestampFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            return false;
        }

        var unique = rest[15..].ToString();
        var folder = $"{segments[n - 4]}/{segments[n - 3]}/{segments[n - 2]}";
        if (folder != time.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture))
        {
            return false;
        }

        if ((prefix is not null && !IsPrefix(prefix)) || !IsAccountId(account) || !IsRegion(region) || !UniqueString.IsValid(unique))
        {
            return false;
        }

        var candidate = new LogFileKey(prefix, organizationId, account, region,
            new DateTimeOffset(time, TimeSpan.Zero), unique, kind);

        // The round trip is the final check: whatever parses must rebuild to the same string.
        if (candidate.Key != key)
        {
            return false;
        }

        parsed = candidate;
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Key;

    /// <inheritdoc/>
    public bool Equals(LogFileKey? other) => other is not null && other.Key == Key;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LogFileKey);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    private string Build()
    {
        var kind = Kind == LogFileKind.Insight ? "CloudTrail-Insight" : "CloudTrail";
        var builder = new StringBuilder(160);
        if (KeyPrefix is not null)
        {
            builder.Append(KeyPrefix).Append('/');
        }

        builder.Append(AwsLogs).Append('/');
        if (OrganizationId is not null)
        {
            builder.Append(OrganizationId).Append('/');
        }

        var time = DeliveryTime.UtcDateTime;
        builder.Append(AccountId).Append('/').Append(kind).Append('/').Append(Region).Append('/')
            .Append(time.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture)).Append('/')
            .Append(AccountId).Append('_').Append(kind).Append('_').Append(Region).Append('_')
            .Append(time.ToString(TimestampFormat, CultureInfo.InvariantCulture)).Append('_')
            .Append(Unique).Append(Suffix);
        return builder.ToString();
    }

    private static bool IsAccountId(string value) => value.Length == 12 && value.All(char.IsAsciiDigit);

    // Real regions are like "us-east-2"; the samples also carry invented ones ("apiso-centralnorth-2r").
    private static bool IsRegion(string value) =>
        value.Length is > 0 and <= 64 && value[0] != '-' && value[^1] != '-'
        && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static bool IsOrganizationId(string value) =>
        value.Length is >= 12 and <= 34 && value.StartsWith("o-", StringComparison.Ordinal)
        && value.AsSpan(2).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789") < 0;

    private static bool IsPrefix(string value)
    {
        if (value.Length > MaxKeyPrefixLength || value.Length == 0)
        {
            return false;
        }

        foreach (var segment in value.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or ".." || segment.Any(char.IsControl))
            {
                return false;
            }
        }

        return true;
    }
}
