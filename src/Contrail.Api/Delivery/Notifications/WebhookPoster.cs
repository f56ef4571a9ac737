using System.Net.Http.Headers;

namespace Contrail.Api.Delivery.Notifications;

/// <summary>
/// One attempt to post a notification to the target URL, with the headers SNS sends to an HTTP
/// endpoint (<c>x-amz-sns-message-type</c>, <c>x-amz-sns-message-id</c>, <c>x-amz-sns-topic-arn</c>,
/// <c>Content-Type: text/plain; charset=UTF-8</c>) and <c>X-Contrail-Signature</c>. The outcome is a
/// value: null when the receiver answered 2xx, else a short error for GetTrailStatus that never holds
/// the URL, the secret or an exception message. Thread-safe (one pooled HttpClient).
/// </summary>
internal sealed class WebhookPoster : IDisposable
{
    public const string ContentType = "text/plain; charset=UTF-8";
    public const string UserAgent = "Contrail";

    private readonly NotificationTarget _target;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;

    public WebhookPoster(NotificationTarget target, TimeSpan attemptTimeout, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
        _timeout = attemptTimeout;
        _time = time;

        // Redirects are not followed (a 3xx is a failure, as for SNS); no cookies; connections are
        // renewed so a receiver that moves to another address is found again.
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = attemptTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Posts <paramref name="notification"/> once, within the attempt timeout or until <paramref name="abort"/>.</summary>
    public async Task<string?> PostAsync(PendingNotification notification, CancellationToken abort)
    {
        ArgumentNullException.ThrowIfNull(notification);
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, abort);
        using var request = new HttpRequestMessage(HttpMethod.Post, _target.Url) { Content = new ByteArrayContent(notification.Body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        request.Headers.TryAddWithoutValidation("x-amz-sns-message-type", "Notification");
        request.Headers.TryAddWithoutValidation("x-amz-sns-message-id", notification.Message.MessageId.ToString("D"));
        request.Headers.TryAddWithoutValidation("x-amz-sns-topic-arn", notification.Message.TopicArn);
        request.Headers.TryAddWithoutValidation(NotificationSignature.Header, notification.Signature);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            return "Timeout";
        }
        catch (HttpRequestException e)
        {
            return e.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => "NameResolutionFailed",
                HttpRequestError.ConnectionError => "ConnectionFailed",
                HttpRequestError.SecureConnectionError => "TlsHandshakeFailed",
                _ => "RequestFailed",
            };
        }
    }

    public void Dispose() => _http.Dispose();
}
