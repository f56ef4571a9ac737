using Contrail.Api.CloudTrail.Trails;

namespace Contrail.Api.Tests.Trails;

public sealed class TrailNamesTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("My.Trail_1-x")]
    [InlineData("9lives")]
    [InlineData("192.168.5")]
    public void CheckName_ValidNames_NoError(string name) => TrailNames.CheckName(name).ShouldBeNull();

    [Fact]
    public void CheckName_128Characters_NoError_129_TooLong()
    {
        TrailNames.CheckName(new string('a', 128)).ShouldBeNull();
        TrailNames.CheckName(new string('a', 129))!.Message.ShouldStartWith("Trail name too long.");
    }

    [Theory]
    [InlineData("ab", "Trail name too short. Minimum allowed length: 3 characters. Specified name length: 2 characters.")]
    [InlineData("-abc", "Trail name must starts with a letter or number.")]
    [InlineData("abc.", "Trail name must ends with a letter or number.")]
    [InlineData("my trail", "Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).")]
    [InlineData("my-_namespace", "Trail name cannot contain consecutive special characters: periods (.), hyphens (-), or underscores (_).")]
    [InlineData("my--namespace", "Trail name cannot contain consecutive special characters: periods (.), hyphens (-), or underscores (_).")]
    [InlineData("192.168.5.4", "Trail name cannot be formatted as an IP address.")]
    public void CheckName_InvalidNames_InvalidTrailNameException(string name, string message)
    {
        var error = TrailNames.CheckName(name);

        error.ShouldNotBeNull();
        error.Code.ShouldBe("InvalidTrailNameException");
        error.Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("my.bucket-1")]
    [InlineData("123bucket")]
    public void CheckBucket_ValidNames_NoError(string bucket) => TrailNames.CheckBucket(bucket).ShouldBeNull();

    [Theory]
    [InlineData("ab")]
    [InlineData("Upper")]
    [InlineData("under_score")]
    [InlineData("trailing-")]
    [InlineData("a..b")]
    [InlineData("a-.b")]
    [InlineData("10.0.0.1")]
    public void CheckBucket_InvalidNames_InvalidS3BucketNameException(string bucket) =>
        TrailNames.CheckBucket(bucket)!.Code.ShouldBe("InvalidS3BucketNameException");

    [Fact]
    public void Resolve_ArnOfThisAccountAndRegion_GivesTheName()
    {
        TrailNames.Resolve("arn:aws:cloudtrail:us-east-1:111122223333:trail/my-trail", "us-east-1", "111122223333", out var name).ShouldBeNull();
        name.ShouldBe("my-trail");
    }

    [Fact]
    public void Resolve_ArnOfAnotherRegion_NoErrorAndNoName()
    {
        TrailNames.Resolve("arn:aws:cloudtrail:eu-west-1:111122223333:trail/my-trail", "us-east-1", "111122223333", out var name).ShouldBeNull();
        name.ShouldBeNull();
    }

    [Theory]
    [InlineData("arn:aws:cloudtrail:us-east-1:111122223333:channel/x")]
    [InlineData("arn:aws:s3:::bucket")]
    [InlineData("arn:aws:cloudtrail:us-east-1:1111:trail/my-trail")]
    public void Resolve_MalformedArn_CloudTrailARNInvalidException(string arn) =>
        TrailNames.Resolve(arn, "us-east-1", "111122223333", out _)!.Code.ShouldBe("CloudTrailARNInvalidException");

    [Fact]
    public void ResolveTagged_TrailArnOfThisAccountAndRegion_GivesTheName()
    {
        TrailNames.ResolveTagged("arn:aws:cloudtrail:us-east-1:111122223333:trail/my-trail", "us-east-1", "111122223333", out var name).ShouldBeNull();
        name.ShouldBe("my-trail");
    }

    [Fact]
    public void ResolveTagged_TrailArnOfAnotherAccount_NoErrorAndNoName()
    {
        TrailNames.ResolveTagged("arn:aws:cloudtrail:us-east-1:999988887777:trail/my-trail", "us-east-1", "111122223333", out var name).ShouldBeNull();
        name.ShouldBeNull();
    }

    [Theory]
    [InlineData("my-trail", "CloudTrailARNInvalidException")]
    [InlineData("arn:aws:s3:::bucket", "CloudTrailARNInvalidException")]
    [InlineData("arn:aws:cloudtrail:us-east-1:11112222333x:trail/my-trail", "CloudTrailARNInvalidException")]
    [InlineData("arn:aws:cloudtrail:us-east-1:111122223333:trail", "CloudTrailARNInvalidException")]
    [InlineData("arn:aws:cloudtrail:us-east-1:111122223333:bucket/my-trail", "CloudTrailARNInvalidException")]
    [InlineData("arn:aws:cloudtrail:us-east-1:111122223333:trail/my--trail", "InvalidTrailNameException")]
    [InlineData("arn:aws:cloudtrail:us-east-1:111122223333:channel/default", "ResourceTypeNotSupportedException")]
    [InlineData("arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE", "ResourceTypeNotSupportedException")]
    [InlineData("arn:aws:cloudtrail:us-east-1:111122223333:dashboard/exampleDash", "ResourceTypeNotSupportedException")]
    public void ResolveTagged_NotATrailArn_ItsError(string resourceId, string code) =>
        TrailNames.ResolveTagged(resourceId, "us-east-1", "111122223333", out _)!.Code.ShouldBe(code);
}
