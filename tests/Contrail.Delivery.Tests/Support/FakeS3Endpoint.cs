using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Contrail.Delivery.Tests.Support;

/// <summary>One request as <see cref="FakeS3Endpoint"/> received it.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// A loopback HTTP endpoint that records every request and answers what the test says: for what moto
/// does not do (check Content-MD5, refuse a body) and to see the bytes a put really sends.
/// By default it answers 200 with the ETag S3 would give (the body's MD5).
/// </summary>
internal sealed class FakeS3Endpoint : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public FakeS3Endpoint(Func<RecordedRequest, (int Status, string Body)>? answer = null)
    {
        Answer = answer ?? (_ => (200, string.Empty));
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    public Func<RecordedRequest, (int Status, string Body)> Answer { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener's disposal.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!, StringComparer.Ordinal);
            var request = new RecordedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "", headers, body.ToArray());
            Requests.Enqueue(request);
            var (status, answer) = Answer(request);
            context.Response.StatusCode = status;
            context.Response.Headers["ETag"] = $"\"{Convert.ToHexStringLower(MD5.HashData(request.Body))}\"";
            if (answer.Length > 0)
            {
                context.Response.ContentType = "application/xml";
            }

            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
