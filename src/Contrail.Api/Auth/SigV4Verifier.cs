using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Contrail.Api.Auth;

/// <summary>
/// Verifies AWS Signature Version 4 (header and presigned-query forms) for one region and a set of
/// credential-scope services, answering with the codes and messages AWS JSON services use.
/// Thread-safe; derived signing keys are cached per (secret, date, service).
/// </summary>
internal sealed class SigV4Verifier
{
    private const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    private const string S3Service = "s3";
    private const int MaxCachedKeys = 256;
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    private readonly ICredentialStore _credentials;
    private readonly TimeProvider _time;
    private readonly string _region;
    private readonly IReadOnlySet<string> _acceptedServices;
    private readonly string _servicesForMessage;
    private readonly ConcurrentDictionary<(string Secret, string Date, string Service), byte[]> _signingKeys = new();

    public SigV4Verifier(ICredentialStore credentials, TimeProvider time, string region, IReadOnlySet<string> acceptedServices)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentNullException.ThrowIfNull(acceptedServices);
        _credentials = credentials;
        _time = time;
        _region = region;
        _acceptedServices = acceptedServices;
        _servicesForMessage = ServicesForMessage(acceptedServices);
    }

    public SigV4Result Verify(SigV4Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var failure = SigV4AuthorizationParser.TryParse(request, out var auth);
        if (failure is not null)
        {
            return failure;
        }

        return CheckScope(auth!, request.Services) ?? CheckCredentialsAndSignature(request, auth!);
    }

    private SigV4Result? CheckScope(SigV4Authorization auth, IReadOnlySet<string>? services)
    {
        // AWS reports every scope fault at once, each sentence on its own.
        var faults = new List<string>(3);
        if (auth.Region != _region)
        {
            faults.Add($"Credential should be scoped to a valid region, not '{auth.Region}'.");
        }

        if (!(services ?? _acceptedServices).Contains(auth.Service))
        {
            faults.Add($"Credential should be scoped to correct service: {(services is null ? _servicesForMessage : ServicesForMessage(services))}.");
        }

        if (auth.Terminator != "aws4_request")
        {
            faults.Add($"Credential should be scoped with a valid terminator: 'aws4_request', not '{auth.Terminator}'.");
        }

        if (faults.Count > 0)
        {
            return Fail(SigV4Errors.InvalidSignature, string.Join(' ', faults), auth);
        }

        if (auth.ScopeDate != auth.AmzDate[..8])
        {
            return Fail(
                SigV4Errors.InvalidSignature,
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{auth.ScopeDate}' != '{auth.AmzDate[..8]}', from '{auth.AmzDate}'.",
                auth);
        }

        return null;
    }

    private SigV4Result CheckCredentialsAndSignature(SigV4Request request, SigV4Authorization auth)
    {
        if (!_credentials.TryGet(auth.AccessKeyId, out var principal, out var secret))
        {
            return Fail(SigV4Errors.UnrecognizedClient, SigV4Errors.UnrecognizedClientMessage, auth);
        }

        var timeFailure = CheckTime(auth);
        if (timeFailure is not null)
        {
            return timeFailure;
        }

        var key = SigningKey(secret, auth.ScopeDate, auth.Service);
        var contentHash = SigV4AuthorizationParser.FirstHeader(request.Headers, "X-Amz-Content-SHA256")?.Trim();
        var bodyHash = contentHash ?? Convert.ToHexStringLower(SHA256.HashData(request.Body.Span));
        if (Matches(request, auth, key, bodyHash))
        {
            return SigV4Result.Success(principal, auth.Service);
        }

        // A presigned URL has no payload: botocore's SigV4QueryAuth signs the hash of the (empty) body,
        // S3-style presigners sign UNSIGNED-PAYLOAD. Both are accepted.
        if (auth.Presigned && contentHash is null && Matches(request, auth, key, UnsignedPayload))
        {
            return SigV4Result.Success(principal, auth.Service);
        }

        return Fail(SigV4Errors.InvalidSignature, SigV4Errors.InvalidSignatureMessage, auth);
    }

    private SigV4Result? CheckTime(SigV4Authorization auth)
    {
        var now = _time.GetUtcNow();
        var earliest = auth.ExpiresSeconds is { } expires ? now - TimeSpan.FromSeconds(expires) : now - AllowedSkew;
        var latest = now + AllowedSkew;
        if (auth.Time < earliest)
        {
            var window = auth.ExpiresSeconds is { } e ? $"{e} sec." : "15 min.";
            return Fail(SigV4Errors.InvalidSignature, $"Signature expired: {auth.AmzDate} is now earlier than {Format(earliest)} ({Format(now)} - {window})", auth);
        }

        if (auth.Time > latest)
        {
            return Fail(SigV4Errors.InvalidSignature, $"Signature not yet current: {auth.AmzDate} is still later than {Format(latest)} ({Format(now)} + 15 min.)", auth);
        }

        return null;
    }

    private static bool Matches(SigV4Request request, SigV4Authorization auth, byte[] signingKey, string payloadHash)
    {
        if (auth.Service != S3Service)
        {
            return Matches(request, auth, signingKey, payloadHash, SigV4Canonical.Uri(request.RawPath));
        }

        // S3 signs the path as sent (botocore's S3SigV4Auth does not normalize it); a client that sent
        // characters raw which it signed encoded is met by the path encoded once from its decoded form.
        var asSent = SigV4Canonical.S3Uri(request.RawPath);
        if (Matches(request, auth, signingKey, payloadHash, asSent))
        {
            return true;
        }

        var encodedOnce = SigV4Canonical.S3UriEncodedOnce(request.RawPath);
        return encodedOnce != asSent && Matches(request, auth, signingKey, payloadHash, encodedOnce);
    }

    private static bool Matches(SigV4Request request, SigV4Authorization auth, byte[] signingKey, string payloadHash, string canonicalUri)
    {
        var canonical = new StringBuilder(512)
            .Append(request.Method.ToUpperInvariant()).Append('\n')
            .Append(canonicalUri).Append('\n')
            .Append(SigV4Canonical.Query(auth.Query, auth.Presigned ? "X-Amz-Signature" : null)).Append('\n')
            .Append(SigV4Canonical.Headers(auth.SignedHeaders, request.Headers)).Append('\n')
            .Append(auth.SignedHeadersText).Append('\n')
            .Append(payloadHash)
            .ToString();
        var stringToSign = $"{SigV4AuthorizationParser.Algorithm}\n{auth.AmzDate}\n{auth.ScopeDate}/{auth.Region}/{auth.Service}/{auth.Terminator}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var expected = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign))));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(auth.Signature));
    }

    private byte[] SigningKey(string secret, string date, string service)
    {
        if (_signingKeys.TryGetValue((secret, date, service), out var cached))
        {
            return cached;
        }

        if (_signingKeys.Count >= MaxCachedKeys)
        {
            _signingKeys.Clear();
        }

        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(_region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        key = HMACSHA256.HashData(key, "aws4_request"u8);
        _signingKeys[(secret, date, service)] = key;
        return key;
    }

    private static string ServicesForMessage(IReadOnlySet<string> services) =>
        string.Join(" or ", services.Order(StringComparer.Ordinal).Select(s => $"'{s}'"));

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(SigV4AuthorizationParser.AmzDateFormat, CultureInfo.InvariantCulture);

    private static SigV4Result Fail(string code, string message, SigV4Authorization auth) =>
        SigV4Result.Fail(code, message, auth.AccessKeyId, auth.Service);
}
