using System.Text.Json;
using Contrail.Delivery.Validation;

namespace Contrail.Validate;

/// <summary>
/// Reads a <c>ListPublicKeys</c> response, <c>{"PublicKeyList":[{"Value":"&lt;base64 DER&gt;","Fingerprint":"…",…}]}</c>:
/// the server's answer, or a file saved with <c>aws cloudtrail list-public-keys &gt; keys.json</c>. Validity times
/// are ignored. A <c>Value</c> that is not base64 becomes an empty key, which is reported as unusable for the
/// digests that name its fingerprint.
/// </summary>
internal static class PublicKeyListJson
{
    /// <exception cref="FormatException">Not JSON of that shape.</exception>
    public static List<DigestPublicKey> Parse(ReadOnlySpan<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException e)
        {
            throw new FormatException($"not JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("PublicKeyList", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("no \"PublicKeyList\" array");
            }

            var keys = new List<DigestPublicKey>();
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("Value", out var value) || value.ValueKind != JsonValueKind.String
                    || !item.TryGetProperty("Fingerprint", out var fingerprint) || fingerprint.ValueKind != JsonValueKind.String)
                {
                    throw new FormatException("a PublicKeyList entry without a string Value and Fingerprint");
                }

                var der = new byte[value.GetString()!.Length];
                var bytes = Convert.TryFromBase64String(value.GetString()!, der, out var written) ? der[..written] : [];
                keys.Add(new DigestPublicKey(bytes, fingerprint.GetString()!));
            }

            return keys;
        }
    }
}
