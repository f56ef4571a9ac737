using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Contrail.Api.Auth;

namespace Contrail.Api.Tests.Auth;

/// <summary>The verifier accepts requests signed by AWSSDK.Core's own SigV4 signer (AWS SDK for .NET).</summary>
public sealed class AwsSdkSignerTests
{
    [Theory]
    [InlineData("cloudtrail", "/", "")]
    [InlineData("cloudtrail-data", "/PutAuditEvents", "arn:aws:cloudtrail:us-east-1:123456789012:channel/abc")]
    public void Verify_SignedByAwsSdkForDotNet_Succeeds(string service, string path, string channelArn)
    {
        var body = Encoding.UTF8.GetBytes("{\"MaxResults\":5}");
        var request = new DefaultRequest(new EmptyRequest(), service)
        {
            HttpMethod = "POST",
            ResourcePath = path,
            Endpoint = new Uri("http://localhost:4566"),
            Content = body,
            AuthenticationRegion = "us-east-1",
            OverrideSigningServiceName = service,
        };
        request.Headers["Content-Type"] = "application/x-amz-json-1.1";
        request.Headers["X-Amz-Target"] = "CloudTrail_20131101.LookupEvents";
        if (channelArn.Length > 0)
        {
            request.Parameters["channelArn"] = channelArn;
            request.UseQueryString = true;
        }

        var config = new Config(service);
        var signing = new AWS4Signer().SignRequest(request, config, null, BotocoreVectors.AccessKeyId, BotocoreVectors.Secret, BotocoreVectors.SignedAt.UtcDateTime);
        request.Headers["Authorization"] = signing.ForAuthorizationHeader; // as AWS4Signer.Sign does

        var query = string.Join('&', request.Parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var result = BotocoreVectors.Verifier(out _).Verify(new SigV4Request
        {
            Method = "POST",
            RawPath = path,
            RawQuery = query,
            Headers = [.. request.Headers.Select(h => new KeyValuePair<string, string>(h.Key, h.Value))],
            Body = body,
        });

        result.Succeeded.ShouldBeTrue($"{result.ErrorCode}: {result.Message}");
        result.Service.ShouldBe(service);
    }

    private sealed class EmptyRequest : AmazonWebServiceRequest;

    private sealed class StandardDefaults : IDefaultConfigurationProvider
    {
        public IDefaultConfiguration GetDefaultConfiguration(RegionEndpoint? clientRegion, DefaultConfigurationMode? requestedConfigurationMode = null) =>
            new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard };
    }

    private sealed class Config : ClientConfig
    {
        private readonly string _service;

        public Config(string service)
            : base(new StandardDefaults())
        {
            _service = service;
            ServiceURL = "http://localhost:4566";
            AuthenticationRegion = "us-east-1";
            AuthenticationServiceName = service;
        }

        public override string RegionEndpointServiceName => _service;
        public override string ServiceVersion => "2013-11-01";
        public override string UserAgent => "contrail-tests";

        public override Amazon.Runtime.Endpoints.Endpoint DetermineServiceOperationEndpoint(Amazon.Runtime.Endpoints.ServiceOperationEndpointParameters parameters) =>
            new("http://localhost:4566");
    }
}
