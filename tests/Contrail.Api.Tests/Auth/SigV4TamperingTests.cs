using System.Text;

namespace Contrail.Api.Tests.Auth;

/// <summary>Any change to a signed part, and any request outside its time window, is refused.</summary>
public sealed class SigV4TamperingTests
{
    private const string InvalidSignatureMessage =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private static readonly Contrail.Api.Auth.SigV4Request Json = BotocoreVectors.Get("json11-lookup-events");
    private static readonly Contrail.Api.Auth.SigV4Request Rest = BotocoreVectors.Get("rest-put-audit-events-with-query");
    private static readonly Contrail.Api.Auth.SigV4Request Presigned = BotocoreVectors.Get("presigned-get-with-query");

    private static void ShouldBeSignatureMismatch(Contrail.Api.Auth.SigV4Request request)
    {
        var result = BotocoreVectors.Verifier(out _).Verify(request);
        result.Succeeded.ShouldBeFalse();
        result.ErrorCode.ShouldBe("InvalidSignatureException");
        result.HttpStatus.ShouldBe(403);
        result.Message.ShouldBe(InvalidSignatureMessage);
    }

    [Fact]
    public void Verify_TamperedBody_InvalidSignature() =>
        ShouldBeSignatureMismatch(Json.With(body: Encoding.UTF8.GetBytes("{\"MaxResults\":6}")));

    [Fact]
    public void Verify_TamperedSignedHeader_InvalidSignature() =>
        ShouldBeSignatureMismatch(Json.With(headers: Json.Header("X-Amz-Target", _ => "CloudTrail_20131101.DeleteTrail")));

    [Fact]
    public void Verify_TamperedHost_InvalidSignature() =>
        ShouldBeSignatureMismatch(Json.With(headers: Json.Header("Host", _ => "evil.example:4566")));

    [Fact]
    public void Verify_SignedHeaderRepeated_InvalidSignature() =>
        ShouldBeSignatureMismatch(Json.With(headers: [.. Json.Headers, new("x-amz-target", "CloudTrail_20131101.DeleteTrail")]));

    [Fact]
    public void Verify_UnsignedHeaderAdded_StillSucceeds()
    {
        var request = Json.With(headers: [.. Json.Headers, new("User-Agent", "something/else")]);

        BotocoreVectors.Verifier(out _).Verify(request).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Verify_SignedHeaderWithExtraWhitespace_StillSucceeds()
    {
        var request = Json.With(headers: Json.Header("Content-Type", v => "  " + v + " \t"));

        BotocoreVectors.Verifier(out _).Verify(request).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Verify_TamperedQueryValue_InvalidSignature() =>
        ShouldBeSignatureMismatch(Rest.With(query: Rest.RawQuery.Replace("abc", "abd", StringComparison.Ordinal)));

    [Fact]
    public void Verify_QueryParametersReordered_StillSucceeds()
    {
        var parts = Rest.RawQuery.Split('&');
        var request = Rest.With(query: string.Join('&', parts.Reverse()));

        BotocoreVectors.Verifier(out _).Verify(request).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Verify_TamperedPath_InvalidSignature() =>
        ShouldBeSignatureMismatch(Rest.With(path: "/PutAuditEvent"));

    [Fact]
    public void Verify_TamperedMethod_InvalidSignature() =>
        ShouldBeSignatureMismatch(Json.With(method: "PUT"));

    [Fact]
    public void Verify_TamperedPresignedQuery_InvalidSignature() =>
        ShouldBeSignatureMismatch(Presigned.With(query: Presigned.RawQuery.Replace("Action=LookupEvents", "Action=DeleteTrail", StringComparison.Ordinal)));

    [Fact]
    public void Verify_PresignedSignatureUpperCased_InvalidSignature()
    {
        var at = Presigned.RawQuery.IndexOf("X-Amz-Signature=", StringComparison.Ordinal) + "X-Amz-Signature=".Length;
        ShouldBeSignatureMismatch(Presigned.With(query: Presigned.RawQuery[..at] + Presigned.RawQuery[at..].ToUpperInvariant()));
    }

    [Theory]
    [InlineData(-899)]
    [InlineData(0)]
    [InlineData(899)]
    [InlineData(900)]
    [InlineData(-900)]
    public void Verify_ClockSkewWithinFifteenMinutes_Succeeds(int seconds)
    {
        var verifier = BotocoreVectors.Verifier(out var clock);
        clock.Now = BotocoreVectors.SignedAt.AddSeconds(seconds);

        verifier.Verify(Json).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Verify_RequestMoreThanFifteenMinutesOld_SignatureExpired()
    {
        var verifier = BotocoreVectors.Verifier(out var clock);
        clock.Now = BotocoreVectors.SignedAt.AddSeconds(901);

        var result = verifier.Verify(Json);

        result.ErrorCode.ShouldBe("InvalidSignatureException");
        result.HttpStatus.ShouldBe(403);
        result.Message.ShouldBe("Signature expired: 20240101T000000Z is now earlier than 20240101T000001Z (20240101T001501Z - 15 min.)");
    }

    [Fact]
    public void Verify_SignatureExpired_MessageInAwsWording()
    {
        var verifier = BotocoreVectors.Verifier(out var clock);
        clock.Now = BotocoreVectors.SignedAt.AddMinutes(20);

        verifier.Verify(Json).Message.ShouldBe("Signature expired: 20240101T000000Z is now earlier than 20240101T000500Z (20240101T002000Z - 15 min.)");
    }

    [Fact]
    public void Verify_RequestMoreThanFifteenMinutesAhead_SignatureNotYetCurrent()
    {
        var verifier = BotocoreVectors.Verifier(out var clock);
        clock.Now = BotocoreVectors.SignedAt.AddSeconds(-901);

        var result = verifier.Verify(Json);

        result.ErrorCode.ShouldBe("InvalidSignatureException");
        result.HttpStatus.ShouldBe(403);
        result.Message.ShouldBe("Signature not yet current: 20240101T000000Z is still later than 20231231T235959Z (20231231T234459Z + 15 min.)");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(300)]
    [InlineData(-900)]
    public void Verify_PresignedWithinExpiry_Succeeds(int seconds)
    {
        var verifier = BotocoreVectors.Verifier(out var clock);
        clock.Now = BotocoreVectors.SignedAt.AddSeconds(seconds);

        verifier.Verify(Presigned).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Verify_PresignedPastExpiry_SignatureExpired()
    {
        var verifier = BotocoreVectors.Verifier(out var clock);
        clock.Now = BotocoreVectors.SignedAt.AddSeconds(301);

        var result = verifier.Verify(Presigned);

        result.ErrorCode.ShouldBe("InvalidSignatureException");
        result.HttpStatus.ShouldBe(403);
        result.Message.ShouldBe("Signature expired: 20240101T000000Z is now earlier than 20240101T000001Z (20240101T000501Z - 300 sec.)");
    }

    [Fact]
    public void Verify_PresignedSignedInTheFuture_SignatureNotYetCurrent()
    {
        var verifier = BotocoreVectors.Verifier(out var clock);
        clock.Now = BotocoreVectors.SignedAt.AddMinutes(-16);

        verifier.Verify(Presigned).Message!.ShouldStartWith("Signature not yet current: 20240101T000000Z");
    }
}
