using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Xunit;

namespace Contrail.Tests.Support;

/// <summary>
/// A real S3 server for tests: <c>moto_server</c> (moto 5, from the machine image's Python) on a free
/// loopback port, started once per test collection (<see cref="MotoCollection"/>) and killed after.
/// Missing <c>moto_server</c> fails the tests that use it, with a message that says so; it is never a skip.
/// moto accepts any credentials; it does not check signatures, Content-MD5 or KMS keys.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    public const string AccessKeyId = "motoaccesskey";
    public const string SecretAccessKey = "motosecretkey";
    public const string Region = "us-east-1";

    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <summary>The server's base URL, <c>http://127.0.0.1:PORT</c> (no trailing slash).</summary>
    public string Endpoint { get; private set; } = string.Empty;

    /// <summary>AWS CLI / boto3 / SDK environment pointed at moto (credentials, region, no config files, one attempt).</summary>
    public Dictionary<string, string> Environment() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
        ["AWS_DEFAULT_REGION"] = Region,
        ["AWS_CONFIG_FILE"] = "/nonexistent/contrail-test-config",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/contrail-test-credentials",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_MAX_ATTEMPTS"] = "1",
        ["MOTO_ENDPOINT"] = Endpoint,
    };

    /// <summary>An SDK client on moto, for arranging and checking what a test needs beside the code under test.</summary>
    public AmazonS3Client Client() => new(new BasicAWSCredentials(AccessKeyId, SecretAccessKey),
        new AmazonS3Config { ServiceURL = Endpoint, ForcePathStyle = true, AuthenticationRegion = Region, MaxErrorRetry = 0 });

    /// <summary>Creates a bucket with a fresh name starting with <paramref name="prefix"/> and returns its name.</summary>
    public async Task<string> CreateBucketAsync(string prefix = "contrail-test")
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];
        using var client = Client();
        await client.PutBucketAsync(name);
        return name;
    }

    public async Task InitializeAsync()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        Endpoint = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("moto_server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            _process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                "moto_server is not on PATH: the S3 tests need moto 5 (Python; `pip install \"moto[server]\"`, which the machine image has). " +
                "These tests fail rather than skip so that S3 delivery is never silently untested.", e);
        }

        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with code {_process.ExitCode} before it answered: {Output()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint + "/"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"moto_server did not answer on {Endpoint} within 60 s: {Output()}");
            }

            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            // The tail is enough to explain a failed start; the request log would grow without bound.
            if (_output.Length > 16_000)
            {
                _output.Remove(0, 8_000);
            }

            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
