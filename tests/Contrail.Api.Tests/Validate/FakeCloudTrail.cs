using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Contrail.Api.Tests.Validate;

/// <summary>One CloudTrail call as <see cref="FakeCloudTrail"/> received it.</summary>
internal sealed record CloudTrailCall(string Operation, string Body, string? Authorization);

/// <summary>
/// A loopback CloudTrail endpoint with just what <c>validate-logs</c> calls: <c>DescribeTrails</c> and
/// <c>ListPublicKeys</c> (AWS JSON 1.1), and Organizations' <c>DescribeOrganization</c> for the AWS CLI,
/// answering what the test sets. Signatures are not checked.
/// </summary>
internal sealed class FakeCloudTrail : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public FakeCloudTrail()
    {
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

    /// <summary>The <c>trailList</c> entries, as JSON objects.</summary>
    public List<string> Trails { get; } = [];

    /// <summary>The whole <c>ListPublicKeys</c> answer.</summary>
    public string PublicKeysJson { get; set; } = """{"PublicKeyList":[]}""";

    /// <summary>What <c>organizations:DescribeOrganization</c> answers (the AWS CLI asks it for organization trails).</summary>
    public string OrganizationId { get; set; } = "o-a1b2c3d4e5";

    public ConcurrentQueue<CloudTrailCall> Calls { get; } = new();

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
            // The loop ends with the listener.
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

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var operation = (context.Request.Headers["X-Amz-Target"] ?? string.Empty).Split('.')[^1];
            Calls.Enqueue(new CloudTrailCall(operation, body, context.Request.Headers["Authorization"]));
            var (status, answer) = operation switch
            {
                "DescribeTrails" => (200, $$"""{"trailList":[{{string.Join(",", Trails)}}]}"""),
                "ListPublicKeys" => (200, PublicKeysJson),
                "DescribeOrganization" => (200, $$$"""{"Organization":{"Id":"{{{OrganizationId}}}","Arn":"arn:aws:organizations::111122223333:organization/{{{OrganizationId}}}"}}"""),
                _ => (400, """{"__type":"UnknownOperationException","message":"Unknown operation"}"""),
            };
            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/x-amz-json-1.1";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
