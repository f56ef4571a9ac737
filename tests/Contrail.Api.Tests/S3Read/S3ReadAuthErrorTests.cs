using Contrail.Api.Auth;
using Contrail.Api.S3Read;

namespace Contrail.Api.Tests.S3Read;

/// <summary>A failed SigV4 check answered with the code S3 gives it (JSON services name them differently).</summary>
public sealed class S3ReadAuthErrorTests
{
    [Theory]
    [InlineData(SigV4Errors.MissingAuthenticationToken, SigV4Errors.MissingAuthenticationTokenMessage, false, "AccessDenied", 403)]
    [InlineData(SigV4Errors.UnrecognizedClient, SigV4Errors.UnrecognizedClientMessage, false, "InvalidAccessKeyId", 403)]
    [InlineData(SigV4Errors.InvalidSignature, SigV4Errors.InvalidSignatureMessage, false, "SignatureDoesNotMatch", 403)]
    [InlineData(SigV4Errors.InvalidSignature, SigV4Errors.InvalidSignatureMessage, true, "SignatureDoesNotMatch", 403)]
    [InlineData(SigV4Errors.InvalidSignature, "Signature expired: 20240101T000000Z is now earlier than …", false, "RequestTimeTooSkewed", 403)]
    [InlineData(SigV4Errors.InvalidSignature, "Signature expired: 20240101T000000Z is now earlier than …", true, "AccessDenied", 403)]
    [InlineData(SigV4Errors.InvalidSignature, "Signature not yet current: 20300101T000000Z is still later than …", true, "AccessDenied", 403)]
    [InlineData(SigV4Errors.InvalidSignature, "Credential should be scoped to a valid region, not 'eu-west-1'.", false, "AuthorizationHeaderMalformed", 400)]
    [InlineData(SigV4Errors.InvalidSignature, "Credential should be scoped to correct service: 's3'.", true, "AuthorizationQueryParametersError", 400)]
    [InlineData(SigV4Errors.IncompleteSignature, "Authorization header requires 'Signature' parameter.", false, "AuthorizationHeaderMalformed", 400)]
    public void From_TheS3CodeAndStatus(string code, string message, bool presigned, string s3Code, int status)
    {
        var error = S3AuthErrors.From(SigV4Result.Fail(code, message, "AKIAEXAMPLE"), presigned);

        error.Code.ShouldBe(s3Code);
        error.Status.ShouldBe(status);
        error.Message.ShouldNotBeNullOrWhiteSpace();
    }
}
