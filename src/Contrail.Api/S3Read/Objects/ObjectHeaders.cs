using System.Globalization;
using System.Text;
using Contrail.Delivery.Objects;
using Microsoft.AspNetCore.Http;

namespace Contrail.Api.S3Read.Objects;

/// <summary>The headers GetObject and HeadObject answer with, every value safe to send as HTTP.</summary>
internal static class ObjectHeaders
{
    /// <summary>What an object answers when no <c>Content-Type</c> is known (stores keep none).</summary>
    public const string DefaultContentType = "application/octet-stream";

    private const string MetadataPrefix = "x-amz-meta-";

    /// <summary>
    /// <c>response-*</c> query parameters that override an answer's header (S3's GetObject and HeadObject);
    /// <c>response-content-type</c> is handled with <c>Content-Type</c>.
    /// </summary>
    private static readonly (string Parameter, string Header)[] Overrides =
    [
        ("response-content-disposition", "Content-Disposition"),
        ("response-content-encoding", "Content-Encoding"),
        ("response-content-language", "Content-Language"),
        ("response-cache-control", "Cache-Control"),
        ("response-expires", "Expires"),
    ];

    public static List<KeyValuePair<string, string>> For(
        string? etag, DateTimeOffset lastModified, IReadOnlyDictionary<string, string> metadata, IQueryCollection query)
    {
        var headers = new List<KeyValuePair<string, string>>(8 + metadata.Count)
        {
            new("Last-Modified", lastModified.ToString("r", CultureInfo.InvariantCulture)),
            new("Accept-Ranges", "bytes"),
        };
        if (etag is not null)
        {
            headers.Add(new("ETag", etag));
        }

        // Each user metadata entry as S3 sends it; a name that cannot be a header name is counted instead.
        var missing = 0;
        foreach (var (name, value) in metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (name.Length == 0 || !name.All(IsTokenChar))
            {
                missing++;
                continue;
            }

            headers.Add(new(MetadataPrefix + name, Value(value)));
        }

        if (missing > 0)
        {
            headers.Add(new("x-amz-missing-meta", missing.ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var (parameter, header) in Overrides)
        {
            if (query.TryGetValue(parameter, out var given) && given.Count > 0)
            {
                headers.Add(new(header, Value(given[0] ?? "")));
            }
        }

        return headers;
    }

    /// <summary>The <c>Content-Type</c>: <c>response-content-type</c> when asked for, else <see cref="DefaultContentType"/>.</summary>
    public static string ContentType(IQueryCollection query) =>
        query.TryGetValue("response-content-type", out var given) && given.Count > 0 && given[0] is { Length: > 0 } type ? Value(type) : DefaultContentType;

    /// <summary>
    /// A value as it can travel in a header: printable ASCII as is; anything else (non-ASCII, control
    /// characters, edge spaces) as an RFC 2047 encoded word, as S3 returns non-ASCII metadata.
    /// </summary>
    public static string Value(string value)
    {
        if (value.All(c => c is >= ' ' and <= '~') && value.Trim().Length == value.Length)
        {
            return value;
        }

        return "=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) + "?=";
    }

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
