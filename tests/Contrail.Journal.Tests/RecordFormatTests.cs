using System.Text;
using Contrail.Journal.Format;

namespace Contrail.Journal.Tests;

public sealed class RecordFormatTests
{
    [Theory]
    [InlineData("123456789", 0xE3069283u)]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xC1D04330u)]
    public void Crc32C_KnownVectors(string text, uint expected)
    {
        var data = Encoding.ASCII.GetBytes(text);
        Crc32C.Compute(data).ShouldBe(expected);
        Crc32C.ComputeWithTable(data).ShouldBe(expected);
    }

    [Fact]
    public void Crc32C_Rfc3720Zeros()
    {
        Crc32C.Compute(new byte[32]).ShouldBe(0x8A9136AAu);
        Crc32C.Compute(Enumerable.Repeat((byte)0xFF, 32).ToArray()).ShouldBe(0x62A8AB43u);
    }

    [Fact]
    public void Crc32C_HardwareAndTableAgree()
    {
        var data = new byte[1000];
        new Random(7).NextBytes(data);
        for (var length = 0; length < data.Length; length += 37)
        {
            Crc32C.Compute(data.AsSpan(0, length)).ShouldBe(Crc32C.ComputeWithTable(data.AsSpan(0, length)));
        }
    }

    /// <summary>Golden bytes: fails when the on-disk record layout changes.</summary>
    [Fact]
    public void WriteHeader_GoldenBytes()
    {
        var header = new byte[RecordFormat.HeaderSize];
        RecordFormat.WriteHeader(header, 4096, "abc"u8);
        Convert.ToHexString(header).ShouldBe("43544A4C03000000" + Convert.ToHexString(BitConverter.GetBytes(ExpectedCrc())));
        Convert.ToHexString(header).ShouldBe(GoldenHeaderHex);
        RecordFormat.ReadLength(header).ShouldBe(3);
        RecordFormat.Verify(header, 4096, "abc"u8).ShouldBeTrue();
        RecordFormat.Verify(header, 0, "abc"u8).ShouldBeFalse();
    }

    private const string GoldenHeaderHex = "43544A4C03000000D0C40CEF";

    private static uint ExpectedCrc()
    {
        // CRC-32C over position (u64 LE), length (u32 LE), payload.
        byte[] input = [0x00, 0x10, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, (byte)'a', (byte)'b', (byte)'c'];
        return Crc32C.ComputeWithTable(input);
    }
}
