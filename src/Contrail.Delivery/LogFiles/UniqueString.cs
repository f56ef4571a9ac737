using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Contrail.Delivery.LogFiles;

/// <summary>
/// The 16-character <c>[A-Za-z0-9]</c> unique part of a log file name (spec §1.5), derived
/// deterministically from a seed so that a delivery retried after a crash writes the same key
/// (DESIGN.md: "a retried delivery rewrites the same object"). Keep in sync with docs/dev/log-file-format.md.
/// </summary>
/// <remarks>
/// Derivation, without modulo bias: the byte stream SHA-256(seed ‖ 0x00000000) ‖ SHA-256(seed ‖ 0x00000001) ‖ …
/// (counter big-endian) is read byte by byte; a byte below 248 (= 4 × 62) yields the character
/// <c>Alphabet[b % 62]</c>, a byte of 248 or more is skipped. The first block almost always suffices
/// (32 bytes, 16 needed, each kept with probability 248/256). Thread-safe (no state).
/// </remarks>
public static class UniqueString
{
    /// <summary>Length of the unique part, in characters.</summary>
    public const int Length = 16;

    /// <summary>The characters, in the order the derivation indexes them.</summary>
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private const int Accept = 248;

    /// <summary>The unique string for <paramref name="seed"/> (any bytes, any length).</summary>
    public static string From(ReadOnlySpan<byte> seed)
    {
        var input = new byte[seed.Length + 4];
        seed.CopyTo(input);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Span<char> chars = stackalloc char[Length];
        var produced = 0;
        for (uint counter = 0; produced < Length; counter++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(seed.Length), counter);
            SHA256.HashData(input, hash);
            foreach (var b in hash)
            {
                if (b < Accept)
                {
                    chars[produced++] = Alphabet[b % Alphabet.Length];
                    if (produced == Length)
                    {
                        break;
                    }
                }
            }
        }

        return new string(chars);
    }

    /// <summary>
    /// The unique string of a delivered file: seeded with the node id, trail ARN, region and the
    /// first and last journal positions the file holds, each field length-prefixed (UTF-8 strings
    /// as 4-byte big-endian length + bytes, positions as 8-byte big-endian), so that no two
    /// different field tuples give the same seed.
    /// </summary>
    public static string ForDelivery(string nodeId, string trailArn, string region, long firstPosition, long lastPosition)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        ArgumentNullException.ThrowIfNull(trailArn);
        ArgumentNullException.ThrowIfNull(region);
        var buffer = new List<byte>(128);
        foreach (var text in (ReadOnlySpan<string>)[nodeId, trailArn, region])
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            AppendBigEndian(buffer, (ulong)bytes.Length, 4);
            buffer.AddRange(bytes);
        }

        AppendBigEndian(buffer, (ulong)firstPosition, 8);
        AppendBigEndian(buffer, (ulong)lastPosition, 8);
        return From(buffer.ToArray());
    }

    /// <summary>Whether <paramref name="value"/> is 16 characters of <see cref="Alphabet"/>.</summary>
    public static bool IsValid(string? value) =>
        value is { Length: Length } && value.All(char.IsAsciiLetterOrDigit);

    private static void AppendBigEndian(List<byte> buffer, ulong value, int width)
    {
        for (var shift = (width - 1) * 8; shift >= 0; shift -= 8)
        {
            buffer.Add((byte)(value >> shift));
        }
    }
}
