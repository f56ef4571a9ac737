using Contrail.Api.Service;
using Contrail.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Tests.Support;

/// <summary>The real service, in process, on a free loopback port, over a fresh data directory.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    public const string AccessKeyId = "AKIACONTRAILTEST0001";
    public const string Secret = "contrail/test/secret/key/0123456789abcdef";
    public const string AccountId = "111122223333";
    public const string Region = "us-east-1";

    private readonly WebApplication _app;
    private readonly bool _ownsDirectory;

    private TestServer(WebApplication app, string dataDirectory, bool ownsDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
        Endpoint = new Uri(app.Urls.First());
        Client = new ContrailClient(Endpoint, AccessKeyId, Secret, Region);
    }

    public string DataDirectory { get; }

    public Uri Endpoint { get; }

    public ContrailClient Client { get; }

    public string DefaultChannelArn => $"arn:aws:cloudtrail:{Region}:{AccountId}:channel/default";

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts a server; <paramref name="organizationId"/> is <c>CONTRAIL_ORGANIZATION_ID</c> (none by default),
    /// <paramref name="configure"/> changes the settings (<c>serve</c> options) before the start.
    /// </summary>
    public static async Task<TestServer> StartAsync(string? dataDirectory = null, TimeProvider? time = null, string? organizationId = null,
        Func<ContrailSettings, ContrailSettings>? configure = null)
    {
        var ownsDirectory = dataDirectory is null;
        dataDirectory ??= TempDirectory.Create("server");
        var settings = new ContrailSettings(dataDirectory, new ServiceIdentity(AccountId, Region, organizationId), AccessKeyId, Secret);
        settings = configure?.Invoke(settings) ?? settings;
        var app = ContrailApplication.Build(settings, ["--urls", "http://127.0.0.1:0"], time, l => l.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        return new TestServer(app, dataDirectory, ownsDirectory);
    }

    /// <summary>Environment for the AWS CLI and boto3 pointed at this server.</summary>
    public Dictionary<string, string> ClientEnvironment() => ClientEnvironmentFor(Endpoint);

    public static Dictionary<string, string> ClientEnvironmentFor(Uri endpoint) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = Secret,
        ["AWS_DEFAULT_REGION"] = Region,
        ["AWS_CONFIG_FILE"] = "/nonexistent/contrail-test-config",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/contrail-test-credentials",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_MAX_ATTEMPTS"] = "1",
        ["CONTRAIL_ENDPOINT"] = endpoint.ToString().TrimEnd('/'),
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDirectory)
        {
            TempDirectory.Delete(DataDirectory);
        }
    }
}
