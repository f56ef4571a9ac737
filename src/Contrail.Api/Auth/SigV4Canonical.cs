using System.Text;

namespace Contrail.Api.Auth;

/// <summary>
/// Builds the parts of the SigV4 canonical request as botocore's <c>SigV4Auth.canonical_request</c>
/// does (the reference the real clients agree with); S3's canonical URI differs (<see cref="S3Uri"/>).
/// </summary>
internal static class SigV4Canonical
{
    /// <summary>
    /// botocore: <c>quote(remove_dot_segments(path), safe='/~')</c>. The path arrives encoded once, so
    /// it is encoded a second time; empty and <c>.</c> segments go, <c>..</c> pops one.
    /// </summary>
    public static string Uri(string rawPath)
    {
        if (string.IsNullOrEmpty(rawPath))
        {
            return "/";
        }

        var segments = new List<string>();
        foreach (var segment in rawPath.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        var first = rawPath[0] == '/' ? "/" : "";
        var last = rawPath[^1] == '/' && segments.Count > 0 ? "/" : "";
        return SigV4Encoding.Encode(first + string.Join('/', segments) + last, keepSlash: true);
    }

    /// <summary>S3's canonical URI: the path exactly as sent, neither normalized nor encoded again (botocore's <c>S3SigV4Auth</c>).</summary>
    public static string S3Uri(string rawPath) => string.IsNullOrEmpty(rawPath) ? "/" : rawPath;

    /// <summary>S3's canonical URI as the SigV4 documentation defines it: the decoded path encoded once, <c>/</c> kept.</summary>
    public static string S3UriEncodedOnce(string rawPath) =>
        string.IsNullOrEmpty(rawPath) ? "/" : SigV4Encoding.Encode(SigV4Encoding.Decode(rawPath), keepSlash: true);

    /// <summary>Splits a raw query into decoded (name, value) pairs; a pair without <c>=</c> has an empty value.</summary>
    public static List<(string Name, string Value)> ParseQuery(string rawQuery)
    {
        var pairs = new List<(string, string)>();
        if (string.IsNullOrEmpty(rawQuery))
        {
            return pairs;
        }

        foreach (var pair in rawQuery.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? "" : pair[(eq + 1)..];
            pairs.Add((SigV4Encoding.DecodeToString(name), SigV4Encoding.DecodeToString(value)));
        }

        return pairs;
    }

    /// <summary>Re-encodes every pair (RFC 3986) and sorts by encoded name, then encoded value (ordinal).</summary>
    public static string Query(List<(string Name, string Value)> pairs, string? exclude)
    {
        var encoded = new List<(string Name, string Value)>(pairs.Count);
        foreach (var (name, value) in pairs)
        {
            if (exclude is null || name != exclude)
            {
                encoded.Add((SigV4Encoding.Encode(name, keepSlash: false), SigV4Encoding.Encode(value, keepSlash: false)));
            }
        }

        encoded.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Name, b.Name);
            return c != 0 ? c : string.CompareOrdinal(a.Value, b.Value);
        });
        var sb = new StringBuilder();
        foreach (var (name, value) in encoded)
        {
            if (sb.Length > 0)
            {
                sb.Append('&');
            }

            sb.Append(name).Append('=').Append(value);
        }

        return sb.ToString();
    }

    /// <summary>
    /// <c>name:value\n</c> for each signed header, in the order given; repeated headers are joined with
    /// <c>,</c>, each value trimmed with inner whitespace runs collapsed to one space.
    /// </summary>
    public static string Headers(IReadOnlyList<string> signedHeaders, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var sb = new StringBuilder();
        foreach (var name in signedHeaders)
        {
            sb.Append(name).Append(':');
            var firstValue = true;
            foreach (var (headerName, value) in headers)
            {
                if (!string.Equals(headerName, name, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!firstValue)
                {
                    sb.Append(',');
                }

                firstValue = false;
                AppendTrimmed(sb, value);
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Python's <c>' '.join(value.split())</c>.</summary>
    private static void AppendTrimmed(StringBuilder sb, string value)
    {
        var pendingSpace = false;
        var any = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = any;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
            any = true;
        }
    }
}
