using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Service;

namespace Contrail.Api.Tests.Trails;

/// <summary>The KmsKeyId forms of spec §4.3 and the ARN each is kept and answered as.</summary>
public sealed class TrailKmsKeysTests
{
    private static readonly ServiceIdentity Identity = new("111122223333", "eu-west-1");

    [Theory]
    [InlineData("alias/MyAliasName", "arn:aws:kms:eu-west-1:111122223333:alias/MyAliasName")]
    [InlineData("alias/team/trail_key-1", "arn:aws:kms:eu-west-1:111122223333:alias/team/trail_key-1")]
    [InlineData("12345678-1234-1234-1234-123456789012", "arn:aws:kms:eu-west-1:111122223333:key/12345678-1234-1234-1234-123456789012")]
    [InlineData("mrk-1234abcd12ab34cd56ef1234567890ab", "arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab")]
    [InlineData("arn:aws:kms:us-east-2:123456789012:key/12345678-1234-1234-1234-123456789012", "arn:aws:kms:us-east-2:123456789012:key/12345678-1234-1234-1234-123456789012")]
    [InlineData("arn:aws:kms:us-east-2:123456789012:alias/MyAliasName", "arn:aws:kms:us-east-2:123456789012:alias/MyAliasName")]
    [InlineData("arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab", "arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab")]
    public void Resolve_TheFourForms_GiveTheArnToKeep(string given, string expected)
    {
        TrailKmsKeys.Resolve(given, Identity, out var arn).ShouldBeNull();
        arn.ShouldBe(expected);
    }

    [Theory]
    [InlineData("my-key")]
    [InlineData("alias/")]
    [InlineData("alias/has space")]
    [InlineData("12345678-1234-1234-1234-12345678901")]
    [InlineData("12345678-1234-1234-1234-123456789012\n")]
    [InlineData("key/12345678-1234-1234-1234-123456789012")]
    [InlineData("arn:aws:kms:us-east-2:123456789012:key/not-a-uuid")]
    [InlineData("arn:aws:kms:us-east-2:1234:key/12345678-1234-1234-1234-123456789012")]
    [InlineData("arn:aws:s3:us-east-2:123456789012:key/12345678-1234-1234-1234-123456789012")]
    [InlineData("arn:aws:kms:us-east-2:123456789012:grant/x")]
    public void Resolve_AnythingElse_InvalidKmsKeyIdException(string given)
    {
        var error = TrailKmsKeys.Resolve(given, Identity, out var arn);

        error!.Code.ShouldBe("InvalidKmsKeyIdException");
        arn.ShouldBeNull();
    }
}
