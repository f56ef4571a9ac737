using Contrail.Api.Audit;
using Contrail.Api.Auth;
using Contrail.Api.Protocol;
using Contrail.Api.S3Read;
using Contrail.Api.Writing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Routing;

/// <summary>
/// The one endpoint every API is served on (routed by <c>X-Amz-Target</c> or path), so
/// <c>--endpoint-url http://HOST:PORT</c> is all a client needs. Per call: route, buffer the body,
/// authenticate (SigV4), run the operation, journal its accepted records together with the call's
/// own audit record, and only then answer. Refused calls are audited too.
/// </summary>
internal sealed partial class ApiPipeline(
    ApiRouter router,
    SigV4Verifier verifier,
    AuditRecordBuilder audit,
    EventJournalWriter writer,
    TimeProvider time,
    ReadinessGate readiness,
    Contrail.Api.Monitoring.MetricsEndpoint metrics,
    ILogger<ApiPipeline> logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.Path.Equals("/health", StringComparison.Ordinal) && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            http.Response.StatusCode = readiness.IsReady ? 200 : 503;
            http.Response.ContentType = "text/plain";
            await http.Response.WriteAsync(readiness.IsReady ? "ok\n" : "starting\n").ConfigureAwait(false);
            return;
        }

        if (metrics.Handles(request))
        {
            await metrics.WriteAsync(http).ConfigureAwait(false);
            return;
        }

        var ct = http.RequestAborted;
        var requestId = Guid.NewGuid().ToString("D");
        var route = router.Route(request);
        if (!readiness.IsReady)
        {
            await ResponseWriter.WriteErrorAsync(http, route.Protocol, requestId, new ApiError(ErrorCodes.ServiceUnavailable, "The service is starting.", 503), ct).ConfigureAwait(false);
            return;
        }

        var received = time.GetUtcNow();
        var (body, tooLarge) = await ReadBodyAsync(request, route.MaxBodyBytes, ct).ConfigureAwait(false);
        var auth = verifier.Verify(new SigV4Request
        {
            Method = request.Method,
            RawPath = RawPath(http, out var rawQuery),
            RawQuery = rawQuery,
            Headers = Headers(request),
            Body = body,
            Services = route.SigningServices,
        });

        var facts = new AuditRecordBuilder.CallFacts(
            Operation: route.AuditName,
            EventSource: route.Operation?.EventSource ?? route.DefaultEventSource,
            ReadOnly: route.Operation?.ReadOnly ?? route.ReadOnly,
            Management: route.Operation?.Management ?? route.Management,
            RequestId: requestId,
            Time: received,
            SourceIp: SourceIp(http),
            UserAgent: request.Headers.UserAgent.ToString(),
            Principal: auth.Succeeded ? auth.Principal : null,
            ClaimedAccessKeyId: auth.AccessKeyId,
            ErrorCode: null,
            ErrorMessage: null,
            RequestParameters: null,
            Resources: []);

        CallOutcome outcome;
        if (!auth.Succeeded)
        {
            outcome = CallOutcome.Fail(route.Protocol == WireProtocol.RestXml
                ? S3AuthErrors.From(auth, presigned: !request.Headers.ContainsKey("Authorization"))
                : new ApiError(auth.ErrorCode!, auth.Message!, auth.HttpStatus));
        }
        else if (route.Operation is null)
        {
            outcome = CallOutcome.Fail(route.RoutingError!);
        }
        else if (tooLarge)
        {
            outcome = CallOutcome.Fail(new ApiError(ErrorCodes.RequestEntityTooLarge, $"The request body is larger than {route.MaxBodyBytes} bytes, the limit for {route.AuditName}.", 413));
        }
        else
        {
            outcome = await InvokeAsync(route.Operation, new ApiCall
            {
                RequestId = requestId,
                Operation = route.Operation.Name,
                Protocol = route.Protocol,
                Body = body,
                Query = request.Query,
                Headers = request.Headers,
                Principal = auth.Principal!,
                ReceivedAt = received,
            }, ct).ConfigureAwait(false);
        }

        var auditRecord = audit.Build(facts with
        {
            ErrorCode = outcome.Error?.Code,
            ErrorMessage = outcome.Error?.Message,
            RequestParameters = outcome.RequestParameters,
            Resources = outcome.Resources,
        });

        var records = outcome.Records.Count == 0 ? [auditRecord] : new List<Contrail.Events.Records.NormalizedRecord>(outcome.Records) { auditRecord };
        try
        {
            // Not the request's token: once handed to the journal, records may become durable
            // whether or not the client is still listening.
            await writer.WriteAsync(records, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogJournalFailed(logger, e, route.AuditName);
            await ResponseWriter.WriteErrorAsync(http, route.Protocol, requestId, new ApiError(ErrorCodes.InternalFailure, "The events could not be recorded durably; nothing was accepted.", 500), ct).ConfigureAwait(false);
            return;
        }

        if (outcome.Error is { } error)
        {
            await ResponseWriter.WriteErrorAsync(http, route.Protocol, requestId, error, ct).ConfigureAwait(false);
        }
        else if (outcome.Reply is { } reply)
        {
            await ResponseWriter.WriteReplyAsync(http, requestId, reply, ct).ConfigureAwait(false);
        }
        else
        {
            await ResponseWriter.WriteAsync(http, route.Protocol, requestId, 200, outcome.Body ?? "{}"u8.ToArray(), ct).ConfigureAwait(false);
        }
    }

    private async Task<CallOutcome> InvokeAsync(IApiOperation operation, ApiCall call, CancellationToken ct)
    {
        try
        {
            return await operation.InvokeAsync(call, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            LogOperationFailed(logger, e, operation.Name);
            return CallOutcome.Fail(new ApiError(ErrorCodes.InternalFailure, "The service could not complete the request.", 500));
        }
    }

    private static async Task<(ReadOnlyMemory<byte> Body, bool TooLarge)> ReadBodyAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        if (request.ContentLength is > 0 and var declared && declared > limit)
        {
            return (ReadOnlyMemory<byte>.Empty, true);
        }

        var buffer = new MemoryStream(request.ContentLength is > 0 and var length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (ReadOnlyMemory<byte>.Empty, true);
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.GetBuffer().AsMemory(0, (int)buffer.Length), false);
    }

    /// <summary>The request target's path and query as received, not decoded (the query without its '?').</summary>
    internal static string RawPath(HttpContext http, out string rawQuery)
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
        {
            rawQuery = http.Request.QueryString.HasValue ? http.Request.QueryString.Value![1..] : "";
            return http.Request.Path.HasValue ? http.Request.Path.Value! : "/";
        }

        var q = target.IndexOf('?', StringComparison.Ordinal);
        rawQuery = q < 0 ? "" : target[(q + 1)..];
        return q < 0 ? target : target[..q];
    }

    private static List<KeyValuePair<string, string>> Headers(HttpRequest request)
    {
        var headers = new List<KeyValuePair<string, string>>(request.Headers.Count);
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                headers.Add(new(name, value ?? ""));
            }
        }

        return headers;
    }

    private static string SourceIp(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "127.0.0.1";
        }

        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Critical, Message = "The journal refused the records of a {Operation} call; the service can no longer accept events")]
    private static partial void LogJournalFailed(ILogger logger, Exception exception, string operation);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "{Operation} failed unexpectedly")]
    private static partial void LogOperationFailed(ILogger logger, Exception exception, string operation);
}
