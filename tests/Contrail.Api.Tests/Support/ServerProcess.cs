using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Contrail.Client;

namespace Contrail.Api.Tests.Support;

/// <summary>The real <c>contrail serve</c> executable in its own process, so it can be killed with SIGKILL.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Endpoint { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public ContrailClient CreateClient() => new(Endpoint, TestServer.AccessKeyId, TestServer.Secret, TestServer.Region);

    /// <summary>Starts the server; waits for <c>/health</c> unless <paramref name="waitForHealth"/> is false.</summary>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, bool waitForHealth = true)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "contrail.dll"), "serve", "--data-dir", dataDirectory, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CONTRAIL_ACCOUNT_ID"] = TestServer.AccountId;
        start.Environment["CONTRAIL_REGION"] = TestServer.Region;
        start.Environment["CONTRAIL_ROOT_ACCESS_KEY_ID"] = TestServer.AccessKeyId;
        start.Environment["CONTRAIL_ROOT_SECRET_ACCESS_KEY"] = TestServer.Secret;
        var server = new ServerProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        if (waitForHealth)
        {
            await server.WaitHealthyAsync();
        }

        return server;
    }

    public async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "/health"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The server did not become healthy:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

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
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
