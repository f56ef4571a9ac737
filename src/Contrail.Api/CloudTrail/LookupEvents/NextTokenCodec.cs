using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Contrail.Store.History;

namespace Contrail.Api.CloudTrail.LookupEvents;

/// <summary>
/// LookupEvents' NextToken: where the last page ended (eventTime, eventID) and a digest of the
/// parameters it was issued for, so a token reused with other parameters is refused
/// (<c>InvalidNextTokenException</c>, spec §4.2). Pages continue strictly after that key in
/// newest-first order, so they stay correct while new events arrive.
/// <code>base64url( {"t": eventTimeMicros, "i": "eventID", "p": "paramsDigest"} )</code>
/// </summary>
internal static class NextTokenCodec
{
    public static string Encode(PageKey key, string parametersDigest)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Token(key.EventTimeMicros, key.EventId, parametersDigest), LookupJsonContext.Default.Token);
        return Base64Url.EncodeToString(json);
    }

    public static bool TryDecode(string token, string parametersDigest, out PageKey key)
    {
        key = default;
        if (token.Length is < 4 or > 1000)
        {
            return false;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(token), LookupJsonContext.Default.Token);
            if (parsed is null || parsed.I is not { Length: > 0 } || parsed.P != parametersDigest)
            {
                return false;
            }

            key = new PageKey(parsed.T, parsed.I);
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }

    /// <summary>A digest of the parameters that must not change between pages (MaxResults may).</summary>
    public static string Digest(IReadOnlyList<(LookupAttributeKey Key, string Value)> attributes, long? start, long? end, bool insights)
    {
        var text = new StringBuilder();
        foreach (var (k, v) in attributes)
        {
            text.Append((int)k).Append('\u001f').Append(v).Append('\u001e');
        }

        text.Append(start).Append('|').Append(end).Append('|').Append(insights);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 12));
    }

    internal sealed record Token(long T, string I, string P);
}
