using Amazon.Runtime;
using Amazon.S3;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.S3Read;

/// <summary>The AWS SDK for .NET's S3 client pointed at a Contrail endpoint (path-style, the test root credentials).</summary>
internal static class S3ReadClients
{
    public static AmazonS3Client Sdk(Uri endpoint) => new(
        new BasicAWSCredentials(TestServer.AccessKeyId, TestServer.Secret),
        new AmazonS3Config
        {
            ServiceURL = endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = TestServer.Region,
            MaxErrorRetry = 0,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
}
