using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Tests.Delivery.Notifications;

/// <summary>
/// A webhook receiver on loopback (a tiny Kestrel app on port 0) that records every request when it
/// arrives, then answers with what <c>respond</c> decides; a responder may hold a request until
/// <see cref="Closing"/> is cancelled.
/// </summary>
internal sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<int, ReceivedRequest> _requests = new();
    private readonly CancellationTokenSource _closing = new();
    private int _count;

    private NotificationReceiver(Func<ReceivedRequest, CancellationToken, Task<int>> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(async context => await HandleAsync(context, respond));
    }

    /// <summary>Cancelled when the receiver is disposed: responders that hold requests end then.</summary>
    public CancellationToken Closing => _closing.Token;

    /// <summary>The URL to configure: with a path and a query, which must never show up in a status or log.</summary>
    public Uri Url => new($"{_app.Urls.First()}/hooks/contrail?token=query-secret");

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests.Values.OrderBy(r => r.Index)];

    public static async Task<NotificationReceiver> StartAsync(Func<ReceivedRequest, CancellationToken, Task<int>>? respond = null)
    {
        var receiver = new NotificationReceiver(respond ?? ((_, _) => Task.FromResult(200)));
        await receiver._app.StartAsync();
        return receiver;
    }

    /// <summary>A receiver that never answers (until disposed).</summary>
    public static Task<NotificationReceiver> StartHangingAsync() =>
        StartAsync(async (_, closing) =>
        {
            await Task.Delay(Timeout.Infinite, closing).ContinueWith(_ => { }, TaskScheduler.Default);
            return 200;
        });

    private async Task HandleAsync(HttpContext context, Func<ReceivedRequest, CancellationToken, Task<int>> respond)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new ReceivedRequest(Interlocked.Increment(ref _count) - 1, context.Request.Method,
            context.Request.Path + context.Request.QueryString, headers, body.ToArray());
        _requests[request.Index] = request;
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token, context.RequestAborted);
        var status = await respond(request, aborted.Token);
        if (context.RequestAborted.IsCancellationRequested)
        {
            request.Status = -1; // the client gave up waiting: never answered
            return;
        }

        context.Response.StatusCode = status;
        if (status is >= 300 and < 400)
        {
            context.Response.Headers.Location = "/elsewhere";
        }

        request.Status = status;
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _closing.Dispose();
    }
}
