using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Contrail.Client.Signing;

namespace Contrail.Client;

/// <summary>An answer from the service: HTTP status, the error code when it failed, and the body.</summary>
public sealed record ContrailResponse(int Status, string? ErrorCode, string Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}

/// <summary>One entry of <c>PutAuditEvents</c>: the producer's id and its event as a JSON string.</summary>
public sealed record AuditEventEntry(string Id, string EventData, string? EventDataChecksum = null);

/// <summary>
/// A small client for Contrail's wire API (the same one the AWS CLI speaks): AWS JSON 1.1 calls,
/// <c>PutAuditEvents</c> and native ingestion of <c>{"Records":[…]}</c>. Thread-safe.
/// </summary>
public sealed class ContrailClient : IDisposable
{
    private const string TargetPrefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _endpoint;
    private readonly SigV4Signer _cloudTrail;
    private readonly SigV4Signer _data;
    private readonly TimeProvider _time;

    public ContrailClient(Uri endpoint, string accessKeyId, string secretAccessKey, string region, HttpClient? http = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoint = endpoint;
        _http = http ?? new HttpClient();
        _ownsHttp = http is null;
        _cloudTrail = new SigV4Signer(accessKeyId, secretAccessKey, region, "cloudtrail");
        _data = new SigV4Signer(accessKeyId, secretAccessKey, region, "cloudtrail-data");
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Calls an AWS JSON 1.1 operation of the <c>cloudtrail</c> service with a raw JSON body.</summary>
    public Task<ContrailResponse> CallAsync(string operation, string jsonBody, CancellationToken ct = default)
    {
        var body = Encoding.UTF8.GetBytes(jsonBody);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint, "/")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", TargetPrefix + operation);
        _cloudTrail.Sign(request, body, _time.GetUtcNow());
        return SendAsync(request, ct);
    }

    /// <summary><c>PutAuditEvents</c> on <paramref name="channelArn"/> (at most 100 events, 1 MB).</summary>
    public Task<ContrailResponse> PutAuditEventsAsync(string channelArn, IReadOnlyList<AuditEventEntry> events, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("auditEvents");
            foreach (var e in events)
            {
                writer.WriteStartObject();
                writer.WriteString("id", e.Id);
                writer.WriteString("eventData", e.EventData);
                if (e.EventDataChecksum is not null)
                {
                    writer.WriteString("eventDataChecksum", e.EventDataChecksum);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var body = stream.ToArray();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint, "/PutAuditEvents?channelArn=" + Uri.EscapeDataString(channelArn)))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        _data.Sign(request, body, _time.GetUtcNow());
        return SendAsync(request, ct);
    }

    /// <summary>Native ingestion: <paramref name="body"/> is <c>{"Records":[…]}</c>, gzip-encoded when <paramref name="gzip"/>.</summary>
    public Task<ContrailResponse> PutRecordsAsync(byte[] body, bool gzip, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint, "/records")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (gzip)
        {
            request.Content.Headers.ContentEncoding.Add("gzip");
        }

        _cloudTrail.Sign(request, body, _time.GetUtcNow());
        return SendAsync(request, ct);
    }

    private async Task<ContrailResponse> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            string? code = null;
            if (!response.IsSuccessStatusCode)
            {
                code = response.Headers.TryGetValues("X-Amzn-ErrorType", out var values) ? values.First().Split(':')[0] : null;
                if (code is null)
                {
                    try
                    {
                        using var doc = JsonDocument.Parse(text);
                        code = doc.RootElement.TryGetProperty("__type", out var type) ? type.GetString()?.Split('#')[^1] : null;
                    }
                    catch (JsonException)
                    {
                    }
                }
            }

            return new ContrailResponse((int)response.StatusCode, code, text);
        }
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }
}
