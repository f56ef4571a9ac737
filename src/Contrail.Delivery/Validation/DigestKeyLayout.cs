using System.Text.RegularExpressions;

namespace Contrail.Delivery.Validation;

/// <summary>
/// Digest keys of one trail, account and source region, exactly as the AWS CLI builds and matches them
/// (spec §2.1; AWS CLI v1 <c>DigestProvider._create_digest_key</c>, <c>_create_digest_prefix</c>,
/// <c>_create_digest_key_regex</c>, <c>extract_digest_key_date</c>). A key prefix is joined with a
/// single <c>/</c> as given, and an empty one means none.
/// </summary>
internal sealed class DigestKeyLayout(string accountId, string? organizationId, string trailName, string homeRegion, string sourceRegion)
{
    private const string BackfillSuffix = "_backfill.json.gz";

    public static bool IsBackfill(string key) => key.EndsWith(BackfillSuffix, StringComparison.Ordinal);

    /// <summary>The 16 characters meant to be <c>YYYYMMDDTHHMMSSZ</c>: <c>key[-24:-8]</c>, or <c>key[-33:-17]</c> for backfill keys.</summary>
    public static string KeyDate(string key)
    {
        var (from, to) = IsBackfill(key) ? (33, 17) : (24, 8);
        var start = Math.Max(0, key.Length - from);
        var end = Math.Max(start, key.Length - to);
        return key[start..end];
    }

    /// <summary>The time in a key's name; false when those characters are not a time.</summary>
    public static bool TryParseKeyDate(string key, out DateTimeOffset time) => ValidationDates.TryParse(KeyDate(key), out time);

    /// <summary>The key a digest ending at <paramref name="start"/> minus one minute would have: the listing's start-after marker.</summary>
    public string Marker(DateTimeOffset start, string? prefix)
    {
        var date = start.AddMinutes(-1).UtcDateTime;
        var stamp = ValidationDates.KeyStamp(date);
        var ymd = date.ToString("yyyy'/'MM'/'dd", System.Globalization.CultureInfo.InvariantCulture);
        return Prefixed(prefix, $"{AccountPath()}/CloudTrail-Digest/{sourceRegion}/{ymd}/{accountId}_CloudTrail-Digest_{sourceRegion}_{trailName}_{homeRegion}_{stamp}.json.gz");
    }

    /// <summary>The listing prefix: <c>[prefix/]AWSLogs/[org/]account/CloudTrail-Digest/sourceRegion</c>.</summary>
    public string ListPrefix(string? prefix) => Prefixed(prefix, $"{AccountPath()}/CloudTrail-Digest/{sourceRegion}");

    /// <summary>The log files' folder: <c>[prefix/]AWSLogs/[org/]account/CloudTrail/sourceRegion/</c>.</summary>
    public string LogFilePrefix(string? prefix) => Prefixed(prefix, $"{AccountPath()}/CloudTrail/{sourceRegion}/");

    /// <summary>The regular expression a key must match to be one of this trail's digests (standard or backfill).</summary>
    public Regex Pattern(string? prefix)
    {
        var account = Regex.Escape(accountId);
        var source = Regex.Escape(sourceRegion);
        var org = organizationId is null ? string.Empty : Regex.Escape(organizationId) + "/";
        var body = $@"AWSLogs/{org}{account}/CloudTrail\-Digest/{source}/\d+/\d+/\d+/{account}_CloudTrail\-Digest_{source}_{Regex.Escape(trailName)}_{Regex.Escape(homeRegion)}_.+(?:_backfill)?\.json\.gz";
        var pattern = string.IsNullOrEmpty(prefix) ? body : Regex.Escape(prefix) + "/" + body;
        return new Regex("^" + pattern + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>Digest keys of any trail delivering the same account and source region under <paramref name="prefix"/>.</summary>
    public Regex AnyTrailPattern(string? prefix)
    {
        var account = Regex.Escape(accountId);
        var source = Regex.Escape(sourceRegion);
        var org = organizationId is null ? string.Empty : Regex.Escape(organizationId) + "/";
        var body = $@"AWSLogs/{org}{account}/CloudTrail\-Digest/{source}/\d+/\d+/\d+/{account}_CloudTrail\-Digest_{source}_.+\.json\.gz";
        var pattern = string.IsNullOrEmpty(prefix) ? body : Regex.Escape(prefix) + "/" + body;
        return new Regex("^" + pattern + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private string AccountPath() => organizationId is null ? $"AWSLogs/{accountId}" : $"AWSLogs/{organizationId}/{accountId}";

    private static string Prefixed(string? prefix, string key) => string.IsNullOrEmpty(prefix) ? key : prefix + "/" + key;
}
