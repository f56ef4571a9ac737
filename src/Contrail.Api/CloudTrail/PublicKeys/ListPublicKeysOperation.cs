using System.Buffers;
using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Delivery.Digests;

namespace Contrail.Api.CloudTrail.PublicKeys;

/// <summary>
/// <c>ListPublicKeys</c> (spec §2.5, §4.7): the public keys whose validity overlaps
/// [<c>StartTime</c>, <c>EndTime</c>] (both default to now), for <c>validate-logs</c>. <c>Value</c> is
/// base64 PKCS#1 DER, <c>Fingerprint</c> its MD5; times are epoch seconds. <c>NextToken</c> is
/// reserved by AWS: any token is refused and no token is answered. While the ring holds no key at
/// all, the call first makes the current one, so that "now" never lists empty; a range entirely
/// before the first key is empty.
/// </summary>
internal sealed class ListPublicKeysOperation(SigningKeyRing keys, TimeProvider time) : IApiOperation
{
    public string Name => "ListPublicKeys";

    public string EventSource => "cloudtrail.amazonaws.com";

    public bool ReadOnly => true;

    public bool Management => true;

    public Task<CallOutcome> InvokeAsync(ApiCall call, CancellationToken ct)
    {
        var (document, parseError) = JsonInput.Parse(call.Body);
        if (parseError is not null)
        {
            return Task.FromResult(CallOutcome.Fail(parseError));
        }

        using (document)
        {
            var root = document!.RootElement;
            var snapshot = root.Clone();
            Action<Utf8JsonWriter> parameters = w => JsonInput.WriteCamelCased(w, snapshot);
            var startError = JsonInput.Timestamp(root, "StartTime", out var start);
            var endError = JsonInput.Timestamp(root, "EndTime", out var end);
            var tokenError = JsonInput.String(root, "NextToken", out var token);
            var error = startError ?? endError ?? tokenError;
            if (error is not null)
            {
                return Task.FromResult(CallOutcome.Fail(error, parameters));
            }

            if (token is not null)
            {
                return Task.FromResult(CallOutcome.Fail(new ApiError(ErrorCodes.InvalidToken,
                    "The NextToken is not valid: ListPublicKeys answers every key in one page."), parameters));
            }

            var now = time.GetUtcNow();
            var from = start ?? now;
            var to = end ?? now;
            if (from > to)
            {
                return Task.FromResult(CallOutcome.Fail(new ApiError(ErrorCodes.InvalidTimeRange,
                    "The StartTime occurs after the EndTime."), parameters));
            }

            // As in AWS there is always a current key: made now when none covers this moment (first
            // call, or the newest key expired while no digest was signed).
            keys.KeyFor(now);

            return Task.FromResult(new CallOutcome
            {
                Body = WriteResponse(keys.Between(from, to)),
                RequestParameters = parameters,
            });
        }
    }

    private static byte[] WriteResponse(IReadOnlyList<PublicKeyInfo> list)
    {
        var buffer = new ArrayBufferWriter<byte>(128 + (list.Count * 512));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("PublicKeyList");
            foreach (var key in list)
            {
                writer.WriteStartObject();
                writer.WriteBase64String("Value", key.Der);
                writer.WriteNumber("ValidityStartTime", key.ValidFrom.ToUnixTimeSeconds());
                writer.WriteNumber("ValidityEndTime", key.ValidTo.ToUnixTimeSeconds());
                writer.WriteString("Fingerprint", key.Fingerprint);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
