namespace Contrail.Events.Records;

/// <summary>
/// How a record is held in a journal payload. Keep in sync with docs/dev/journal-payload.md.
/// <code>
/// byte 0      : high nibble 0xA = format 1; low nibble = flags
///               flag 0x01: eventID assigned by Contrail (UUIDv7); clear: chosen by the producer
/// bytes 1..n  : the record, compact UTF-8 JSON
/// </code>
/// </summary>
public static class JournalEnvelope
{
    private const byte Format1 = 0xA0;
    private const byte FormatMask = 0xF0;
    private const byte IdAssignedFlag = 0x01;

    /// <summary>The payload for <paramref name="record"/>.</summary>
    public static byte[] Encode(NormalizedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var payload = new byte[record.Json.Length + 1];
        payload[0] = (byte)(Format1 | (record.IdAssigned ? IdAssignedFlag : 0));
        record.Json.CopyTo(payload, 1);
        return payload;
    }

    /// <summary>Reads a payload back; throws <see cref="FormatException"/> on an unknown format.</summary>
    public static (bool IdAssigned, ReadOnlyMemory<byte> Json) Decode(ReadOnlyMemory<byte> payload)
    {
        if (payload.Length < 2 || (payload.Span[0] & FormatMask) != Format1)
        {
            throw new FormatException("The journal payload is not a format-1 record envelope.");
        }

        return ((payload.Span[0] & IdAssignedFlag) != 0, payload[1..]);
    }
}
