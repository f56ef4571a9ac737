using System.Net.Http.Headers;
using Contrail.Api.Delivery.Notifications;

namespace Contrail.Api.Rules.Delivery;

/// <summary>
/// One attempt to POST an event to a webhook target: <c>Content-Type: application/json</c>, the event
/// bytes, <c>X-Contrail-Signature</c> (<see cref="NotificationSignature"/>: <c>sha256=</c> and the hex
/// HMAC-SHA256 of the body), <c>X-Contrail-Rule</c>, <c>X-Contrail-Target-Id</c> and
/// <c>X-Contrail-Event-Id</c> (the envelope's <c>id</c>, stable across retries and redeliveries). The
/// outcome is a value: null when the receiver answered 2xx, else a short error that never holds the URL
/// or the secret. Thread-safe (one pooled HttpClient).
/// </summary>
internal sealed class RuleWebhookPoster : IDisposable
{
    public const string RuleHeader = "X-Contrail-Rule";
    public const string TargetHeader = "X-Contrail-Target-Id";
    public const string EventIdHeader = "X-Contrail-Event-Id";

    private static readonly MediaTypeHeaderValue Json = MediaTypeHeaderValue.Parse("application/json");

    private readonly string _secret;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;

    public RuleWebhookPoster(string secret, TimeSpan attemptTimeout, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(secret);
        _secret = secret;
        _timeout = attemptTimeout;
        _time = time;

        // As for delivery notifications: no redirects (a 3xx is a failure), no cookies, connections renewed.
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = attemptTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<string?> PostAsync(RuleDelivery delivery, CancellationToken abort)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, abort);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(delivery.Body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.TryAddWithoutValidation(NotificationSignature.Header, NotificationSignature.Compute(_secret, delivery.Body));
        request.Headers.TryAddWithoutValidation(RuleHeader, delivery.RuleName);
        request.Headers.TryAddWithoutValidation(TargetHeader, delivery.Target.Id);
        request.Headers.TryAddWithoutValidation(EventIdHeader, delivery.EventId);
        request.Headers.TryAddWithoutValidation("User-Agent", WebhookPoster.UserAgent);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !abort.IsCancellationRequested)
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
