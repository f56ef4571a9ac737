using System.Net;
using System.Text.Json;

namespace Contrail.Monitoring.Rules.EventPatterns;

/// <summary>
/// <c>{"cidr": "10.0.0.0/24"}</c>: a string value that is an IP address (v4 or v6, same family as the
/// operand) inside the network. Host bits set in the operand are ignored, as EventBridge does.
/// </summary>
internal sealed class CidrMatcher : ValueMatcher
{
    private readonly byte[] _network;
    private readonly int _bits;

    public CidrMatcher(IPAddress address, int bits)
    {
        ArgumentNullException.ThrowIfNull(address);
        _network = address.GetAddressBytes();
        _bits = bits;
    }

    public override bool Matches(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && IPAddress.TryParse(value.GetString(), out var address) && Contains(address);

    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var bytes = address.GetAddressBytes();
        if (bytes.Length != _network.Length)
        {
            return false;
        }

        var whole = _bits / 8;
        for (var i = 0; i < whole; i++)
        {
            if (bytes[i] != _network[i])
            {
                return false;
            }
        }

        var rest = _bits % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (bytes[whole] & mask) == (_network[whole] & mask);
    }
}
