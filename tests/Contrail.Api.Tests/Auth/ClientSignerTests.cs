using Contrail.Api.Auth;
using Contrail.Client.Signing;

namespace Contrail.Api.Tests.Auth;

/// <summary>The verifier accepts requests signed by Contrail.Client's signer (used by the .NET client and tools).</summary>
public sealed class ClientSignerTests
{
    [Theory]
    [InlineData("cloudtrail", "http://localhost:4566/")]
    [InlineData("cloudtrail-data", "http://localhost:4566/PutAuditEvents?channelArn=arn%3Aaws%3Acloudtrail%3Aus-east-1%3A123456789012%3Achannel%2Fabc")]
    [InlineData("cloudtrail-data", "https://contrail.example/PutAuditEvents?externalId=x%20y&channelArn=c")]
    public void Verify_SignedByContrailClient_Succeeds(string service, string url)
    {
        var verifier = BotocoreVectors.Verifier(out _);
        var request = SignWithContrailClient(BotocoreVectors.AccessKeyId, BotocoreVectors.Secret, service, url, "{\"a\":1}"u8.ToArray(), BotocoreVectors.SignedAt);

        var result = verifier.Verify(request);

        result.Succeeded.ShouldBeTrue($"{result.ErrorCode}: {result.Message}");
        result.Service.ShouldBe(service);
    }

    internal static SigV4Request SignWithContrailClient(string keyId, string secret, string service, string url, byte[] body, DateTimeOffset now)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        message.Headers.TryAddWithoutValidation("X-Amz-Target", "CloudTrail_20131101.LookupEvents");
        message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.1");
        new SigV4Signer(keyId, secret, "us-east-1", service).Sign(message, body, now);

        var uri = message.RequestUri!;
        var headers = new List<KeyValuePair<string, string>> { new("Host", uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}") };
        foreach (var (name, values) in message.Headers.Concat(message.Content.Headers))
        {
            foreach (var value in values)
            {
                headers.Add(new(name, value));
            }
        }

        return new SigV4Request
        {
            Method = message.Method.Method,
            RawPath = uri.AbsolutePath,
            RawQuery = uri.Query.TrimStart('?'),
            Headers = headers,
            Body = body,
        };
    }
}
