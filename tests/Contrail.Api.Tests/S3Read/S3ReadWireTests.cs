using System.Net;
using System.Text;
using System.Text.Json;
using Contrail.Api.Tests.Support;
using Contrail.Client.Signing;
using Contrail.Delivery.Objects;
using Microsoft.Extensions.DependencyInjection;

namespace Contrail.Api.Tests.S3Read;

/// <summary>
/// The S3 subset on the wire, with requests no SDK makes: the routing rule beside the JSON APIs,
/// exact error documents, HEAD without bodies, bad input answered with S3 errors (never a 500).
/// </summary>
public sealed class S3ReadWireTests : IAsyncLifetime
{
    private const string Bucket = "wire-bucket";

    private readonly HttpClient _http = new();
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        await _server.Services.GetRequiredService<IObjectStore>().PutAsync(Bucket, "k.txt", "body"u8.ToArray(), new Dictionary<string, string> { ["note"] = "ünïcode value" });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GetObject_MissingKey_NoSuchKeyDocument_WithKeyAndTheRequestIdOfItsHeader()
    {
        using var response = await SendAsync(HttpMethod.Get, $"/{Bucket}/no%20such%2Bkey");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/xml");
        var requestId = response.Headers.GetValues("x-amz-request-id").Single();
        (await response.Content.ReadAsStringAsync()).ShouldBe(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>no such+key</Key><RequestId>{requestId}</RequestId></Error>");
    }

    [Fact]
    public async Task HeadObject_AnswersHeadersAndLengthWithoutBody_MissingIs404WithoutBody()
    {
        using var found = await SendAsync(HttpMethod.Head, $"/{Bucket}/k.txt");
        using var missing = await SendAsync(HttpMethod.Head, $"/{Bucket}/nothing");

        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        found.Content.Headers.ContentLength.ShouldBe(4);
        (await found.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        found.Headers.ETag!.Tag.ShouldBe("\"841a2d689ad86bd1611447453c22c6fc\"");
        found.Content.Headers.LastModified.ShouldNotBeNull();
        found.Headers.GetValues("x-amz-meta-note").Single().ShouldBe("=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("ünïcode value")) + "?=");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("bytes=10-20", 416)]
    [InlineData("bytes=0-0,2-3", 200)]
    [InlineData("bytes=3-1", 200)]
    [InlineData("pages=1-2", 200)]
    [InlineData("bytes=1-99", 206)]
    public async Task GetObject_Range_OneSatisfiableRange206_PastTheEnd416_OthersWhole(string range, int status)
    {
        using var request = S3TestSigner.Request(HttpMethod.Get, _server.Endpoint, $"/{Bucket}/k.txt");
        request.Headers.TryAddWithoutValidation("Range", range);

        using var response = await _http.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(status);
        var body = await response.Content.ReadAsStringAsync();
        if (status == 200)
        {
            body.ShouldBe("body");
        }
        else if (status == 206)
        {
            body.ShouldBe("ody");
            response.Content.Headers.ContentRange!.ToString().ShouldBe("bytes 1-3/4");
        }
        else
        {
            body.ShouldContain("<Code>InvalidRange</Code>");
        }
    }

    [Theory]
    [InlineData("PUT", "/wire-bucket/new.txt", 403, "AccessDenied")]
    [InlineData("DELETE", "/wire-bucket/k.txt", 403, "AccessDenied")]
    [InlineData("POST", "/wire-bucket?delete", 403, "AccessDenied")]
    [InlineData("PUT", "/another-bucket", 403, "AccessDenied")]
    [InlineData("PATCH", "/wire-bucket/k.txt", 405, "MethodNotAllowed")]
    [InlineData("GET", "/wire-bucket?versioning", 501, "NotImplemented")]
    [InlineData("GET", "/wire-bucket/k.txt?tagging", 501, "NotImplemented")]
    [InlineData("GET", "/", 501, "NotImplemented")]
    [InlineData("GET", "/wire-bucket/%FF%FE", 400, "InvalidURI")]
    [InlineData("GET", "/wire-bucket?max-keys=many", 400, "InvalidArgument")]
    [InlineData("GET", "/wire-bucket?encoding-type=base64", 400, "InvalidArgument")]
    [InlineData("GET", "/wire-bucket?list-type=2&continuation-token=%25%25", 400, "InvalidArgument")]
    [InlineData("GET", "/Not_A_Bucket/k", 404, "NoSuchBucket")]
    [InlineData("GET", "/wire-bucket/a/../k.txt", 404, "NoSuchKey")]
    [InlineData("GET", "/wire-bucket//k.txt", 404, "NoSuchKey")]
    [InlineData("GET", "/records", 404, "NoSuchBucket")]
    public async Task OtherRequests_S3ErrorDocuments_NeverA500(string method, string target, int status, string code)
    {
        using var response = await SendAsync(new HttpMethod(method), target, body: method is "PUT" or "POST" ? "x"u8.ToArray() : null);

        ((int)response.StatusCode).ShouldBe(status);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"<Code>{code}</Code>");
        (await _server.Services.GetRequiredService<IObjectStore>().GetAsync(Bucket, "k.txt"))!.Body.ToArray().ShouldBe("body"u8.ToArray());
        (await _server.Services.GetRequiredService<IObjectStore>().HeadAsync(Bucket, "new.txt")).ShouldBeNull();
    }

    [Fact]
    public async Task PayloadHash_UnsignedOrTheEmptyBodysHash_BothVerify()
    {
        using var unsigned = await _http.SendAsync(S3TestSigner.Request(HttpMethod.Get, _server.Endpoint, $"/{Bucket}/k.txt"));
        using var hashed = await _http.SendAsync(S3TestSigner.Request(HttpMethod.Get, _server.Endpoint, $"/{Bucket}/k.txt",
            payloadHash: S3TestSigner.Hex(System.Security.Cryptography.SHA256.HashData([]))));

        unsigned.StatusCode.ShouldBe(HttpStatusCode.OK);
        hashed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Scope_S3CallsNeedServiceS3_AndJsonCallsRefuseIt()
    {
        using var wrongScope = await SendAsync(HttpMethod.Get, $"/{Bucket}/k.txt", service: "cloudtrail");
        using var wrongSecret = await SendAsync(HttpMethod.Get, $"/{Bucket}/k.txt", secret: "wrong");

        wrongScope.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrongScope.Content.ReadAsStringAsync()).ShouldContain("<Code>AuthorizationHeaderMalformed</Code>");
        wrongSecret.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await wrongSecret.Content.ReadAsStringAsync()).ShouldContain("<Code>SignatureDoesNotMatch</Code>");

        // A CloudTrail call signed for s3 is refused as the JSON services refuse a wrong scope.
        var signer = new SigV4Signer(TestServer.AccessKeyId, TestServer.Secret, TestServer.Region, "s3");
        using var json = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.Endpoint, "/")) { Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.1") };
        json.Headers.TryAddWithoutValidation("X-Amz-Target", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents");
        signer.Sign(json, "{}"u8, DateTimeOffset.UtcNow);
        using var refused = await _http.SendAsync(json);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("__type").GetString().ShouldBe("InvalidSignatureException");
    }

    [Fact]
    public async Task JsonPaths_KeepTheirProtocol_OnlyOtherRequestsAreS3()
    {
        using var health = await _http.GetAsync(new Uri(_server.Endpoint, "/health"));
        using var noTarget = await _http.PostAsync(new Uri(_server.Endpoint, "/"), new StringContent("{}"));
        using var putRecords = await _http.PutAsync(new Uri(_server.Endpoint, "/records"), new StringContent("{}"));

        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await health.Content.ReadAsStringAsync()).Trim().ShouldBe("ok");
        foreach (var json in new[] { noTarget, putRecords })
        {
            json.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-amz-json-1.1");
            JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("__type").GetString().ShouldNotBeNullOrEmpty();
        }
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string target, string secret = TestServer.Secret, string service = "s3", byte[]? body = null) =>
        _http.SendAsync(S3TestSigner.Request(method, _server.Endpoint, target, secret, service, body: body));
}
