using Contrail.Api.Auth;

namespace Contrail.Api.Tests.Auth;

/// <summary>Each refusal carries the code, HTTP status and message an AWS JSON service answers with.</summary>
public sealed class SigV4ErrorTests
{
    private const string InvalidSignatureMessage =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private static readonly SigV4Request Json = BotocoreVectors.Get("json11-lookup-events");
    private static readonly SigV4Request Presigned = BotocoreVectors.Get("presigned-get-with-query");

    private static SigV4Result Verify(SigV4Request request) => BotocoreVectors.Verifier(out _).Verify(request);

    private static SigV4Request WithAuthorization(Func<string, string?> change) => Json.With(headers: Json.Header("Authorization", change));

    private static void ShouldFail(SigV4Result result, string code, int status, string message)
    {
        result.Succeeded.ShouldBeFalse();
        result.Principal.ShouldBeNull();
        result.ErrorCode.ShouldBe(code);
        result.HttpStatus.ShouldBe(status);
        result.Message.ShouldBe(message);
    }

    [Fact]
    public void Verify_NoAuthorizationAndNoPresignedQuery_MissingAuthenticationToken()
    {
        var result = Verify(WithAuthorization(_ => null));

        ShouldFail(result, "MissingAuthenticationTokenException", 403, "Missing Authentication Token");
        result.AccessKeyId.ShouldBeNull();
    }

    [Fact]
    public void Verify_UnsupportedAlgorithm_IncompleteSignature()
    {
        var result = Verify(WithAuthorization(a => a.Replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512", StringComparison.Ordinal)));

        ShouldFail(result, "IncompleteSignatureException", 400, "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512'.");
    }

    [Fact]
    public void Verify_BearerToken_IncompleteSignature()
    {
        ShouldFail(Verify(WithAuthorization(_ => "Bearer abc")), "IncompleteSignatureException", 400, "Unsupported AWS 'algorithm': 'Bearer'.");
    }

    [Fact]
    public void Verify_PairWithoutEqualSign_IncompleteSignature_NamingTheHeaderByHash()
    {
        var result = Verify(WithAuthorization(_ => "AWS4-HMAC-SHA256 Credential"));

        result.ErrorCode.ShouldBe("IncompleteSignatureException");
        result.HttpStatus.ShouldBe(400);
        result.Message.ShouldBe("Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): 'KfSoC26UaBDGXxo5AUFS45c1cmAbyLKDOxOTKcZYWt4='.");
    }

    [Fact]
    public void Verify_AllPartsMissing_IncompleteSignature_ListingEach()
    {
        var request = Json.With(headers: WithAuthorization(_ => "AWS4-HMAC-SHA256 Foo=bar").Header("X-Amz-Date", _ => null));

        ShouldFail(
            Verify(request),
            "IncompleteSignatureException",
            400,
            "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. "
            + "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }

    [Fact]
    public void Verify_SignatureMissing_IncompleteSignature_WithClaimedKey()
    {
        var result = Verify(WithAuthorization(a => a[..a.IndexOf(", Signature=", StringComparison.Ordinal)]));

        ShouldFail(result, "IncompleteSignatureException", 400, "Authorization header requires 'Signature' parameter.");
        result.AccessKeyId.ShouldBe("AKIDEXAMPLE");
    }

    [Fact]
    public void Verify_NoDateHeader_IncompleteSignature()
    {
        var result = Verify(Json.With(headers: Json.Header("X-Amz-Date", _ => null)));

        ShouldFail(result, "IncompleteSignatureException", 400, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }

    [Fact]
    public void Verify_DateNotIso8601Basic_IncompleteSignature()
    {
        var result = Verify(Json.With(headers: Json.Header("X-Amz-Date", _ => "2024-01-01T00:00:00Z")));

        ShouldFail(result, "IncompleteSignatureException", 400, "Date must be in ISO-8601 'basic format'. Got '2024-01-01T00:00:00Z'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    [Fact]
    public void Verify_CredentialWithFourElements_IncompleteSignature()
    {
        var result = Verify(WithAuthorization(a => a.Replace("/aws4_request", "", StringComparison.Ordinal)));

        ShouldFail(
            result,
            "IncompleteSignatureException",
            400,
            "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKIDEXAMPLE/20240101/us-east-1/cloudtrail'");
        result.AccessKeyId.ShouldBe("AKIDEXAMPLE");
    }

    [Fact]
    public void Verify_HostNotSigned_IncompleteSignature()
    {
        var result = Verify(WithAuthorization(a => a.Replace("content-type;host;", "content-type;", StringComparison.Ordinal)));

        ShouldFail(result, "IncompleteSignatureException", 400, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    [Fact]
    public void Verify_OtherRegion_InvalidSignature_NamingTheRegion()
    {
        var result = Verify(WithAuthorization(a => a.Replace("/us-east-1/", "/xx-yy-1/", StringComparison.Ordinal)));

        ShouldFail(result, "InvalidSignatureException", 403, "Credential should be scoped to a valid region, not 'xx-yy-1'.");
        result.AccessKeyId.ShouldBe("AKIDEXAMPLE");
    }

    [Fact]
    public void Verify_ServiceNotAccepted_InvalidSignature_NamingTheServices()
    {
        var result = Verify(WithAuthorization(a => a.Replace("/cloudtrail/", "/s3/", StringComparison.Ordinal)));

        ShouldFail(result, "InvalidSignatureException", 403, "Credential should be scoped to correct service: 'cloudtrail' or 'cloudtrail-data'.");
        result.Service.ShouldBe("s3");
    }

    [Fact]
    public void Verify_RegionAndServiceWrong_BothReported()
    {
        var result = Verify(WithAuthorization(a => a.Replace("/us-east-1/cloudtrail/", "/eu-west-1/sqs/", StringComparison.Ordinal)));

        result.Message.ShouldBe("Credential should be scoped to a valid region, not 'eu-west-1'. Credential should be scoped to correct service: 'cloudtrail' or 'cloudtrail-data'.");
    }

    [Fact]
    public void Verify_WrongTerminator_InvalidSignature()
    {
        var result = Verify(WithAuthorization(a => a.Replace("/aws4_request", "/aws5_request", StringComparison.Ordinal)));

        ShouldFail(result, "InvalidSignatureException", 403, "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'.");
    }

    [Fact]
    public void Verify_ScopeDateDiffersFromRequestDate_InvalidSignature()
    {
        var result = Verify(WithAuthorization(a => a.Replace("/20240101/", "/20231231/", StringComparison.Ordinal)));

        ShouldFail(
            result,
            "InvalidSignatureException",
            403,
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20231231' != '20240101', from '20240101T000000Z'.");
    }

    [Fact]
    public void Verify_UnknownAccessKey_UnrecognizedClient_WithTheClaimedKey()
    {
        var result = Verify(WithAuthorization(a => a.Replace("AKIDEXAMPLE", "AKIAUNKNOWNKEY000000", StringComparison.Ordinal)));

        ShouldFail(result, "UnrecognizedClientException", 403, "The security token included in the request is invalid.");
        result.AccessKeyId.ShouldBe("AKIAUNKNOWNKEY000000");
    }

    [Fact]
    public void Verify_UnknownAccessKey_SameAnswerWhateverTheSignatureOrTime()
    {
        var verifier = BotocoreVectors.Verifier(out var clock);
        clock.Now = clock.Now.AddHours(5);
        var garbage = WithAuthorization(a => a.Replace("AKIDEXAMPLE", "AKIAUNKNOWNKEY000000", StringComparison.Ordinal)[..^8] + "00000000");
        var plausible = WithAuthorization(a => a.Replace("AKIDEXAMPLE", "AKIAUNKNOWNKEY000000", StringComparison.Ordinal));

        var first = verifier.Verify(garbage);
        var second = verifier.Verify(plausible);

        first.ErrorCode.ShouldBe("UnrecognizedClientException");
        second.ErrorCode.ShouldBe(first.ErrorCode);
        second.Message.ShouldBe(first.Message);
        second.HttpStatus.ShouldBe(first.HttpStatus);
    }

    [Fact]
    public void Verify_WrongSecret_InvalidSignature()
    {
        var verifier = new SigV4Verifier(new FakeCredentialStore("AKIDEXAMPLE", "not-the-secret"), new FixedTimeProvider(BotocoreVectors.SignedAt), "us-east-1", BotocoreVectors.Services);

        var result = verifier.Verify(Json);

        ShouldFail(result, "InvalidSignatureException", 403, InvalidSignatureMessage);
        result.AccessKeyId.ShouldBe("AKIDEXAMPLE");
    }

    [Fact]
    public void Verify_PresignedMissingParameters_IncompleteSignature_ListingEach()
    {
        var result = Verify(Presigned.With(query: "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=300"));

        ShouldFail(
            result,
            "IncompleteSignatureException",
            400,
            "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters must include 'X-Amz-Signature'. "
            + "AWS query-string parameters must include 'X-Amz-SignedHeaders'. AWS query-string parameters must include 'X-Amz-Date'. Re-examine the query-string parameters.");
    }

    [Fact]
    public void Verify_PresignedOtherAlgorithm_IncompleteSignature()
    {
        var result = Verify(Presigned.With(query: Presigned.RawQuery.Replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256", StringComparison.Ordinal)));

        ShouldFail(result, "IncompleteSignatureException", 400, "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
    }

    [Theory]
    [InlineData("604801", "X-Amz-Expires must be less than a week (in seconds) that is 604800")]
    [InlineData("-1", "X-Amz-Expires must be non-negative")]
    [InlineData("soon", "X-Amz-Expires should be a number")]
    public void Verify_PresignedBadExpires_IncompleteSignature(string expires, string message)
    {
        var result = Verify(Presigned.With(query: Presigned.RawQuery.Replace("X-Amz-Expires=300", "X-Amz-Expires=" + expires, StringComparison.Ordinal)));

        ShouldFail(result, "IncompleteSignatureException", 400, message);
        result.AccessKeyId.ShouldBe("AKIDEXAMPLE");
    }

    [Fact]
    public void Verify_PresignedMaximumExpires_IsAcceptedAsAParameter()
    {
        // The signature no longer matches (the expiry is signed), but 604800 itself is allowed.
        var result = Verify(Presigned.With(query: Presigned.RawQuery.Replace("X-Amz-Expires=300", "X-Amz-Expires=604800", StringComparison.Ordinal)));

        ShouldFail(result, "InvalidSignatureException", 403, InvalidSignatureMessage);
    }
}
