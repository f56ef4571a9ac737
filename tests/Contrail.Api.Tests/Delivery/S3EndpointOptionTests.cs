using Contrail.Api.Delivery;
using Contrail.Api.Tests.Support;
using Contrail.Delivery.Objects;
using Contrail.Serve;

namespace Contrail.Api.Tests.Delivery;

/// <summary><c>contrail serve --s3-endpoint URL [--s3-region R] [--s3-sse S]</c>, and what GetTrailStatus shows for a store's failure.</summary>
public sealed class S3EndpointOptionTests : IDisposable
{
    private readonly string _dataDirectory = TempDirectory.Create("s3-options");

    public void Dispose() => TempDirectory.Delete(_dataDirectory);

    private Dictionary<string, string?> Environment() => new()
    {
        ["CONTRAIL_REGION"] = "eu-west-1",
        ["CONTRAIL_ROOT_ACCESS_KEY_ID"] = TestServer.AccessKeyId,
        ["CONTRAIL_ROOT_SECRET_ACCESS_KEY"] = TestServer.Secret,
    };

    [Theory]
    [InlineData("127.0.0.1:9000")]
    [InlineData("ftp://127.0.0.1:9000")]
    [InlineData("/relative/path")]
    [InlineData("s3://bucket")]
    public void Serve_S3EndpointNotAnAbsoluteHttpUrl_IsAClearError(string url)
    {
        var ok = ServeCommand.TryParse(["--data-dir", _dataDirectory, "--s3-endpoint", url], Environment(), out var settings, out _, out var error);

        ok.ShouldBeFalse();
        settings.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("--s3-endpoint must be an absolute http or https URL");
    }

    [Theory]
    [InlineData("--s3-sse", "AES256", "needs --s3-endpoint")]
    [InlineData("--s3-region", "us-west-2", "needs --s3-endpoint")]
    public void Serve_S3SettingWithoutEndpoint_IsAClearError(string option, string value, string message)
    {
        ServeCommand.TryParse(["--data-dir", _dataDirectory, option, value], Environment(), out _, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain(message);
    }

    [Theory]
    [InlineData("--s3-sse", "aws:kms:dsse", "--s3-sse must be AES256 or aws:kms")]
    [InlineData("--s3-region", "Mars", "--s3-region must be a region name")]
    public void Serve_BadS3Setting_IsAClearError(string option, string value, string message)
    {
        ServeCommand.TryParse(["--data-dir", _dataDirectory, "--s3-endpoint", "http://127.0.0.1:9000", option, value], Environment(), out _, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain(message);
    }

    [Fact]
    public void Serve_S3Endpoint_S3StoreSettings_RegionDefaultsToTheServiceRegion()
    {
        ServeCommand.TryParse(["--data-dir", _dataDirectory, "--s3-endpoint", "https://minio.internal:9000"], Environment(), out var settings, out _, out var error).ShouldBeTrue(error);
        var s3 = settings!.S3.ShouldNotBeNull();
        s3.Endpoint.ShouldBe(new Uri("https://minio.internal:9000"));
        s3.Region.ShouldBe("eu-west-1");
        s3.ServerSideEncryption.ShouldBeNull();
        s3.ForcePathStyle.ShouldBeNull("path-style is the default for a custom endpoint");

        ServeCommand.TryParse(["--data-dir", _dataDirectory, "--s3-endpoint=http://127.0.0.1:9000", "--s3-region", "us-west-2", "--s3-sse", "aws:kms"], Environment(), out settings, out _, out error).ShouldBeTrue(error);
        settings!.S3!.Region.ShouldBe("us-west-2");
        settings.S3.ServerSideEncryption.ShouldBe(ObjectWriteOptions.AwsKms);

        ServeCommand.TryParse(["--data-dir", _dataDirectory], Environment(), out settings, out _, out _).ShouldBeTrue();
        settings!.S3.ShouldBeNull("without --s3-endpoint, the embedded store");
    }

    [Fact]
    public async Task ServeProcess_BadS3Endpoint_ExitCode2WithTheMessage()
    {
        var result = await Processes.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "contrail.dll"), "serve", "--data-dir", _dataDirectory, "--s3-endpoint", "minio:9000"],
            new Dictionary<string, string>(), TimeSpan.FromSeconds(60));

        result.ExitCode.ShouldBe(2, result.Stderr);
        result.Stderr.ShouldContain("contrail serve: --s3-endpoint must be an absolute http or https URL");
    }

    [Fact]
    public void ErrorCode_ObjectStoreFailure_IsTheStoresCode()
    {
        TrailDelivery.ErrorCode(new ObjectStoreException("NoSuchBucket", "S3 PutObject of s3://b/k failed")).ShouldBe("NoSuchBucket");
        TrailDelivery.ErrorCode(new ObjectStoreException(S3ObjectStore.ServiceUnavailable, "refused")).ShouldBe("ServiceUnavailable");
        TrailDelivery.ErrorCode(new ObjectStoreException("/data/buckets/b", "a code that is a path")).ShouldBe("InternalError");
        TrailDelivery.ErrorCode(new IOException("/data/buckets/b: permission denied")).ShouldBe("AccessDenied");
    }
}
