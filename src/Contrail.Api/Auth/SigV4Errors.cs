namespace Contrail.Api.Auth;

/// <summary>
/// The error codes and fixed messages AWS JSON services answer authentication failures with, and
/// their HTTP statuses. Messages that carry values are built where they are detected.
/// </summary>
internal static class SigV4Errors
{
    public const string MissingAuthenticationToken = "MissingAuthenticationTokenException";
    public const string IncompleteSignature = "IncompleteSignatureException";
    public const string UnrecognizedClient = "UnrecognizedClientException";
    public const string InvalidSignature = "InvalidSignatureException";

    public const string MissingAuthenticationTokenMessage = "Missing Authentication Token";
    public const string UnrecognizedClientMessage = "The security token included in the request is invalid.";
    public const string InvalidSignatureMessage =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    public static int StatusOf(string code) => code == IncompleteSignature ? 400 : 403;
}
