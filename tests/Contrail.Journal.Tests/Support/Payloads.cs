using System.Buffers.Binary;

namespace Contrail.Journal.Tests.Support;

/// <summary>Deterministic payloads that carry their id, so a test can check content and identity.</summary>
internal static class Payloads
{
    public static byte[] Make(long id, int size)
    {
        size = Math.Max(size, 8);
        var payload = new byte[size];
        BinaryPrimitives.WriteInt64LittleEndian(payload, id);
        for (var i = 8; i < size; i++)
        {
            payload[i] = (byte)(id * 31 + i);
        }

        return payload;
    }

    public static long IdOf(ReadOnlyMemory<byte> payload) => BinaryPrimitives.ReadInt64LittleEndian(payload.Span);

    /// <summary>True when the payload is exactly what <see cref="Make"/> produced for its id.</summary>
    public static bool IsIntact(ReadOnlyMemory<byte> payload) =>
        payload.Length >= 8 && payload.Span.SequenceEqual(Make(IdOf(payload), payload.Length));
}
