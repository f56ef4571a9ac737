namespace Contrail.Api.Auth;

/// <summary>What a request claims, from its <c>Authorization</c> header or presigned query, before any check against the service.</summary>
internal sealed record SigV4Authorization(
    bool Presigned,
    string AccessKeyId,
    string ScopeDate,
    string Region,
    string Service,
    string Terminator,
    string SignedHeadersText,
    IReadOnlyList<string> SignedHeaders,
    string Signature,
    string AmzDate,
    DateTimeOffset Time,
    int? ExpiresSeconds,
    List<(string Name, string Value)> Query);
