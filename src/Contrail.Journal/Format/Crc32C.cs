using System.Buffers.Binary;
using System.Runtime.Intrinsics.X86;

namespace Contrail.Journal.Format;

/// <summary>
/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum iSCSI, ext4 and Kafka use.
/// Uses the SSE4.2 <c>crc32</c> instruction when the CPU has it, a lookup table otherwise; both
/// give the same values (checked against the RFC 3720 test vectors).
/// </summary>
internal static class Crc32C
{
    private const uint Polynomial = 0x82F63B78u;

    private static readonly uint[] Table = BuildTable();

    /// <summary>Starts a checksum: the value to pass as <c>crc</c> to the first <see cref="Update"/>.</summary>
    public const uint Initial = 0xFFFFFFFFu;

    /// <summary>Feeds <paramref name="data"/> into a running checksum.</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        if (Sse42.X64.IsSupported)
        {
            ulong c = crc;
            while (data.Length >= 8)
            {
                c = Sse42.X64.Crc32(c, BinaryPrimitives.ReadUInt64LittleEndian(data));
                data = data[8..];
            }

            crc = (uint)c;
        }

        if (Sse42.IsSupported)
        {
            foreach (var b in data)
            {
                crc = Sse42.Crc32(crc, b);
            }

            return crc;
        }

        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    /// <summary>Finishes a running checksum.</summary>
    public static uint Finish(uint crc) => crc ^ 0xFFFFFFFFu;

    /// <summary>The CRC-32C of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Update(Initial, data));

    /// <summary>The table-driven result, whatever the CPU: lets a test compare both paths.</summary>
    internal static uint ComputeWithTable(ReadOnlySpan<byte> data)
    {
        var crc = Initial;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return Finish(crc);
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ Polynomial : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
