using System.Text;

namespace Contrail.Api.Auth;

/// <summary>RFC 3986 percent-encoding and decoding as SigV4 defines them (upper-case hex, UTF-8).</summary>
internal static class SigV4Encoding
{
    /// <summary>Encodes every byte except the unreserved set (and <c>/</c> when <paramref name="keepSlash"/>).</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, bool keepSlash)
    {
        var sb = new StringBuilder(bytes.Length + 8);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b) || (keepSlash && b == (byte)'/'))
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 0xF]);
            }
        }

        return sb.ToString();
    }

    public static string Encode(string value, bool keepSlash) => Encode(Encoding.UTF8.GetBytes(value), keepSlash);

    /// <summary>
    /// Decodes <c>%XX</c> escapes to bytes; a <c>%</c> not followed by two hex digits is kept as is, and
    /// <c>+</c> stays a plus (SigV4 is RFC 3986, not form encoding).
    /// </summary>
    public static byte[] Decode(string value)
    {
        var raw = Encoding.UTF8.GetBytes(value);
        if (Array.IndexOf(raw, (byte)'%') < 0)
        {
            return raw;
        }

        var output = new byte[raw.Length];
        var n = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == (byte)'%' && i + 2 < raw.Length && HexValue(raw[i + 1]) is var hi and >= 0 && HexValue(raw[i + 2]) is var lo and >= 0)
            {
                output[n++] = (byte)((hi << 4) | lo);
                i += 2;
            }
            else
            {
                output[n++] = raw[i];
            }
        }

        return output[..n];
    }

    public static string DecodeToString(string value) => Encoding.UTF8.GetString(Decode(value));

    private static bool IsUnreserved(byte b) =>
        b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => -1,
    };
}
