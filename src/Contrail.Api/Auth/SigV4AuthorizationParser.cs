using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Contrail.Api.Auth;

/// <summary>
/// Reads the SigV4 claim of a request: the <c>Authorization</c> header form or the presigned query
/// form. Shape errors come back as <see cref="SigV4Errors.IncompleteSignature"/> with AWS's wording.
/// </summary>
internal static class SigV4AuthorizationParser
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";
    public const int MaxExpiresSeconds = 604800;

    /// <summary>Returns null and the claim, or the failure (with the claimed key id when it could be read).</summary>
    public static SigV4Result? TryParse(SigV4Request request, out SigV4Authorization? authorization)
    {
        authorization = null;
        var query = SigV4Canonical.ParseQuery(request.RawQuery);
        var header = FirstHeader(request.Headers, "Authorization");
        if (header is not null)
        {
            return ParseHeader(request, header, query, out authorization);
        }

        if (Find(query, "X-Amz-Algorithm") is not null || Find(query, "X-Amz-Credential") is not null || Find(query, "X-Amz-Signature") is not null)
        {
            return ParsePresigned(query, out authorization);
        }

        return SigV4Result.Fail(SigV4Errors.MissingAuthenticationToken, SigV4Errors.MissingAuthenticationTokenMessage);
    }

    private static SigV4Result? ParseHeader(SigV4Request request, string header, List<(string, string)> query, out SigV4Authorization? authorization)
    {
        authorization = null;
        var value = header.Trim();
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        var algorithm = space < 0 ? value : value[..space];
        if (algorithm != Algorithm)
        {
            return Incomplete($"Unsupported AWS 'algorithm': '{algorithm}'.", null);
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in value[(space + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                // AWS does not echo the header; it names it by hash so the caller can match it.
                var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(header)));
                return Incomplete($"Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): '{hash}'.", null);
            }

            var name = part[..eq].Trim();
            var v = part[(eq + 1)..].Trim();
            switch (name)
            {
                case "Credential": credential = v; break;
                case "SignedHeaders": signedHeaders = v; break;
                case "Signature": signature = v; break;
                default: break;
            }
        }

        var keyId = credential is null ? null : credential.Split('/')[0];
        var missing = new StringBuilder();
        AppendIfMissing(missing, credential, "Authorization header requires 'Credential' parameter.");
        AppendIfMissing(missing, signature, "Authorization header requires 'Signature' parameter.");
        AppendIfMissing(missing, signedHeaders, "Authorization header requires 'SignedHeaders' parameter.");
        var amzDate = FirstHeader(request.Headers, "X-Amz-Date");
        var date = amzDate ?? FirstHeader(request.Headers, "Date");
        AppendIfMissing(missing, date, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        if (missing.Length > 0)
        {
            return Incomplete(missing.ToString(), keyId);
        }

        if (!TryParseDate(date!, amzDate is null, out var time))
        {
            return Incomplete($"Date must be in ISO-8601 'basic format'. Got '{date}'. See http://en.wikipedia.org/wiki/ISO_8601", keyId);
        }

        return Build(false, credential!, signedHeaders!, signature!, time, null, query, out authorization);
    }

    private static SigV4Result? ParsePresigned(List<(string Name, string Value)> query, out SigV4Authorization? authorization)
    {
        authorization = null;
        var algorithm = Find(query, "X-Amz-Algorithm");
        var credential = Find(query, "X-Amz-Credential");
        var signature = Find(query, "X-Amz-Signature");
        var signedHeaders = Find(query, "X-Amz-SignedHeaders");
        var date = Find(query, "X-Amz-Date");
        var expires = Find(query, "X-Amz-Expires");
        var keyId = credential?.Split('/')[0];

        var missing = new StringBuilder();
        foreach (var (name, v) in new[] { ("X-Amz-Algorithm", algorithm), ("X-Amz-Credential", credential), ("X-Amz-Signature", signature), ("X-Amz-SignedHeaders", signedHeaders), ("X-Amz-Date", date) })
        {
            AppendIfMissing(missing, v, $"AWS query-string parameters must include '{name}'.");
        }

        if (missing.Length > 0)
        {
            return Incomplete(missing.Append(" Re-examine the query-string parameters.").ToString(), keyId);
        }

        if (algorithm != Algorithm)
        {
            return Incomplete($"X-Amz-Algorithm only supports \"{Algorithm}\"", keyId);
        }

        if (!TryParseDate(date!, false, out var time))
        {
            return Incomplete($"X-Amz-Date must be in the ISO8601 Long Format \"{AmzDateFormat}\"", keyId);
        }

        int? expiresSeconds = null;
        if (expires is not null)
        {
            if (!long.TryParse(expires, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
            {
                return Incomplete("X-Amz-Expires should be a number", keyId);
            }

            if (seconds < 0)
            {
                return Incomplete("X-Amz-Expires must be non-negative", keyId);
            }

            if (seconds > MaxExpiresSeconds)
            {
                return Incomplete($"X-Amz-Expires must be less than a week (in seconds) that is {MaxExpiresSeconds}", keyId);
            }

            expiresSeconds = (int)seconds;
        }

        return Build(true, credential!, signedHeaders!, signature!, time, expiresSeconds, query, out authorization);
    }

    private static SigV4Result? Build(bool presigned, string credential, string signedHeaders, string signature, DateTimeOffset time, int? expires, List<(string, string)> query, out SigV4Authorization? authorization)
    {
        authorization = null;
        var scope = credential.Split('/');
        if (scope.Length != 5)
        {
            return Incomplete($"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '{credential}'", scope[0]);
        }

        var names = signedHeaders.Split(';');
        if (!names.Contains("host", StringComparer.OrdinalIgnoreCase))
        {
            return Incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.", scope[0]);
        }

        for (var i = 0; i < names.Length; i++)
        {
            names[i] = names[i].ToLowerInvariant();
        }

        authorization = new SigV4Authorization(presigned, scope[0], scope[1], scope[2], scope[3], scope[4], signedHeaders, names, signature, time.ToString(AmzDateFormat, CultureInfo.InvariantCulture), time, expires, query);
        return null;
    }

    private static bool TryParseDate(string value, bool httpDate, out DateTimeOffset time)
    {
        const DateTimeStyles Utc = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        if (DateTimeOffset.TryParseExact(value.Trim(), AmzDateFormat, CultureInfo.InvariantCulture, Utc, out time))
        {
            return true;
        }

        // An HTTP Date: RFC 1123 ("Mon, 01 Jan 2024 00:00:00 GMT") or, as botocore writes it with
        // email.utils.formatdate, RFC 2822 with a numeric zone ("Mon, 01 Jan 2024 00:00:00 -0000").
        var trimmed = value.Trim();
        if (!httpDate)
        {
            return false;
        }

        if (DateTimeOffset.TryParseExact(trimmed, "r", CultureInfo.InvariantCulture, Utc, out time))
        {
            return true;
        }

        return trimmed.Length > 5 && trimmed[^5] is '+' or '-'
            && DateTimeOffset.TryParseExact(trimmed.Insert(trimmed.Length - 2, ":"), "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture, Utc, out time);
    }

    private static void AppendIfMissing(StringBuilder sb, string? value, string message)
    {
        if (string.IsNullOrEmpty(value))
        {
            sb.Append(sb.Length > 0 ? " " : "").Append(message);
        }
    }

    private static SigV4Result Incomplete(string message, string? keyId) =>
        SigV4Result.Fail(SigV4Errors.IncompleteSignature, message, string.IsNullOrEmpty(keyId) ? null : keyId);

    internal static string? FirstHeader(IReadOnlyList<KeyValuePair<string, string>> headers, string name)
    {
        foreach (var (n, v) in headers)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return null;
    }

    private static string? Find(List<(string Name, string Value)> query, string name)
    {
        foreach (var (n, v) in query)
        {
            if (n == name)
            {
                return v;
            }
        }

        return null;
    }
}
