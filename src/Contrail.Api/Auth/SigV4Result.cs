namespace Contrail.Api.Auth;

/// <summary>
/// Outcome of <see cref="SigV4Verifier.Verify"/>: the principal, or an AWS error (code, message, HTTP status).
/// </summary>
internal sealed class SigV4Result
{
    public bool Succeeded { get; init; }
    public Principal? Principal { get; init; }

    /// <summary>The service of the credential scope, when it could be parsed.</summary>
    public string? Service { get; init; }

    public string? ErrorCode { get; init; }
    public string? Message { get; init; }
    public int HttpStatus { get; init; }

    /// <summary>The access key id the request claims, even when verification failed, when it could be parsed.</summary>
    public string? AccessKeyId { get; init; }

    internal static SigV4Result Success(Principal principal, string service) =>
        new() { Succeeded = true, Principal = principal, Service = service, HttpStatus = 200, AccessKeyId = principal.AccessKeyId };

    internal static SigV4Result Fail(string code, string message, string? accessKeyId = null, string? service = null) =>
        new() { ErrorCode = code, Message = message, HttpStatus = SigV4Errors.StatusOf(code), AccessKeyId = accessKeyId, Service = service };
}
