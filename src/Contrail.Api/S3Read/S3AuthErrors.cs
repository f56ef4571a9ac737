using Contrail.Api.Auth;
using Contrail.Api.Protocol;

namespace Contrail.Api.S3Read;

/// <summary>
/// A failed SigV4 check as S3 answers it: S3 has its own codes where the JSON services say
/// <c>InvalidSignatureException</c> or <c>UnrecognizedClientException</c>. The verifier's message is
/// kept where S3's own would say less (a wrong scope, a malformed header).
/// </summary>
internal static class S3AuthErrors
{
    public const string SignatureDoesNotMatchMessage =
        "The request signature we calculated does not match the signature you provided. Check your key and signing method.";

    public const string InvalidAccessKeyIdMessage = "The AWS Access Key Id you provided does not exist in our records.";

    public const string TimeTooSkewedMessage = "The difference between the request time and the current time is too large.";

    public static ApiError From(SigV4Result auth, bool presigned)
    {
        ArgumentNullException.ThrowIfNull(auth);
        var message = auth.Message ?? "";
        return auth.ErrorCode switch
        {
            SigV4Errors.MissingAuthenticationToken => S3Errors.Denied(),
            SigV4Errors.UnrecognizedClient => new ApiError(S3Errors.InvalidAccessKeyId, InvalidAccessKeyIdMessage, 403) { Details = Claimed(auth) },
            SigV4Errors.IncompleteSignature => Malformed(message, presigned),
            SigV4Errors.InvalidSignature when message == SigV4Errors.InvalidSignatureMessage =>
                new ApiError(S3Errors.SignatureDoesNotMatch, SignatureDoesNotMatchMessage, 403) { Details = Claimed(auth) },
            SigV4Errors.InvalidSignature when IsTimeFault(message) => presigned
                ? new ApiError(S3Errors.AccessDenied, message.StartsWith("Signature expired", StringComparison.Ordinal) ? "Request has expired" : "Request is not valid yet", 403)
                : new ApiError(S3Errors.RequestTimeTooSkewed, TimeTooSkewedMessage, 403),
            // A wrong region, service, terminator or scope date.
            _ => Malformed(message, presigned),
        };
    }

    private static bool IsTimeFault(string message) =>
        message.StartsWith("Signature expired", StringComparison.Ordinal) || message.StartsWith("Signature not yet current", StringComparison.Ordinal);

    private static ApiError Malformed(string message, bool presigned) => presigned
        ? new ApiError(S3Errors.AuthorizationQueryParametersError, message, 400)
        : new ApiError(S3Errors.AuthorizationHeaderMalformed, message, 400);

    private static KeyValuePair<string, string>[] Claimed(SigV4Result auth) =>
        auth.AccessKeyId is { } keyId ? [new("AWSAccessKeyId", keyId)] : [];
}
