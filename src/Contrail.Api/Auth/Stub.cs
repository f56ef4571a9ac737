// TEMPORARY: stands in for SigV4 being built on branch `sigv4`; deleted at merge.
namespace Contrail.Api.Auth;
internal sealed record Principal(string AccessKeyId, string AccountId, string Type, string Arn, string PrincipalId, string? UserName);
internal interface ICredentialStore { bool TryGet(string accessKeyId, out Principal principal, out string secretAccessKey); }
internal sealed class SigV4Request
{
    public required string Method { get; init; }
    public required string RawPath { get; init; }
    public required string RawQuery { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }
    public ReadOnlyMemory<byte> Body { get; init; }
}
internal sealed class SigV4Result
{
    public bool Succeeded { get; init; }
    public Principal? Principal { get; init; }
    public string? Service { get; init; }
    public string? ErrorCode { get; init; }
    public string? Message { get; init; }
    public int HttpStatus { get; init; }
    public string? AccessKeyId { get; init; }
}
internal sealed class SigV4Verifier
{
    public SigV4Verifier(ICredentialStore credentials, TimeProvider time, string region, IReadOnlySet<string> acceptedServices) { }
    public SigV4Result Verify(SigV4Request request) => throw new NotImplementedException();
}
internal static class RootCredentials
{
    public const string FileName = "root-credentials";
    public static (string AccessKeyId, string Secret, string? CreatedFile) LoadOrCreate(string dataDirectory, IReadOnlyDictionary<string, string?> environment, string accountId) => throw new NotImplementedException();
}
