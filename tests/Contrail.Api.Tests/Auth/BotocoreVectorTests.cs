using Contrail.Api.Auth;

namespace Contrail.Api.Tests.Auth;

/// <summary>The verifier accepts requests exactly as botocore (AWS CLI, boto3) signs them.</summary>
public sealed class BotocoreVectorTests
{
    public static TheoryData<string> Names => new(BotocoreVectors.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void Verify_BotocoreSignedVector_Succeeds(string name)
    {
        var verifier = BotocoreVectors.Verifier(out _);
        var request = BotocoreVectors.Get(name);

        var result = verifier.Verify(request);

        result.Succeeded.ShouldBeTrue($"{result.ErrorCode}: {result.Message}");
        result.HttpStatus.ShouldBe(200);
        result.Principal!.AccessKeyId.ShouldBe(BotocoreVectors.AccessKeyId);
        result.AccessKeyId.ShouldBe(BotocoreVectors.AccessKeyId);
        result.Service.ShouldBe(name.StartsWith("rest-put-audit-events", StringComparison.Ordinal) ? "cloudtrail-data" : "cloudtrail");
    }

    [Fact]
    public void Verify_VectorsFreshlySignedByInstalledBotocore_AllSucceed()
    {
        var vectors = BotocoreVectors.Regenerate();
        var verifier = BotocoreVectors.Verifier(out _);

        vectors.Count.ShouldBe(BotocoreVectors.Names.Count());
        foreach (var (name, request) in vectors)
        {
            var result = verifier.Verify(request);
            result.Succeeded.ShouldBeTrue($"{name}: {result.ErrorCode}: {result.Message}");
        }
    }

    [Fact]
    public void Verify_SameRequestTwice_SucceedsBothTimes_WithTheCachedSigningKey()
    {
        var verifier = BotocoreVectors.Verifier(out _);
        var request = BotocoreVectors.Get("json11-lookup-events");

        verifier.Verify(request).Succeeded.ShouldBeTrue();
        verifier.Verify(request).Succeeded.ShouldBeTrue();
    }
}
