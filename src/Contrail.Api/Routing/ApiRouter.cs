using System.Collections.Frozen;
using Contrail.Api.Protocol;
using Microsoft.AspNetCore.Http;

namespace Contrail.Api.Routing;

/// <summary>
/// Routes a request: <c>X-Amz-Target</c> for the AWS JSON 1.1 service <c>cloudtrail</c> (dispatching on
/// the text after the last '.', spec §4.1) or, for targets <c>Logs_20140328.OPERATION</c>, the CloudWatch
/// Logs subset (SigV4 service <c>logs</c>, docs/dev/metric-filters.md); for targets <c>AWSEvents.OPERATION</c>,
/// the EventBridge rules subset (SigV4 service <c>events</c>, docs/dev/rules.md); or the path for REST-JSON operations
/// (<c>POST /PutAuditEvents</c>, spec §5) and Contrail's native ingestion (<c>POST /records</c>).
/// Everything else without <c>X-Amz-Target</c> is S3 (path-style <c>/BUCKET[/KEY]</c>): every GET and
/// HEAD, and any method on a path other than <c>/</c>, <c>/health</c> and the REST paths above.
/// </summary>
internal sealed class ApiRouter
{
    private const string CloudTrailSource = "cloudtrail.amazonaws.com";
    private const int JsonBodyLimit = 4 << 20;
    private const string LogsTargetPrefix = "Logs_20140328.";
    private const string LogsSource = "logs.amazonaws.com";

    private const string CloudWatchTargetPrefix = "GraniteServiceVersion20100801.";
    private const string CloudWatchSource = "monitoring.amazonaws.com";
    private const string EventsTargetPrefix = "AWSEvents.";
    private const string EventsSource = "events.amazonaws.com";

    private static readonly FrozenSet<string> LogsSigningServices = new[] { "logs" }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> CloudWatchSigningServices = new[] { "monitoring" }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> EventsSigningServices = new[] { "events" }.ToFrozenSet(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, IApiOperation> _targets;
    private readonly FrozenDictionary<string, IApiOperation> _logsTargets;
    private readonly FrozenDictionary<string, IApiOperation> _cloudWatchTargets;
    private readonly FrozenDictionary<string, IApiOperation> _eventsTargets;
    private readonly FrozenDictionary<string, (IApiOperation Operation, int Limit)> _paths;
    private readonly Func<HttpRequest, ApiRoute>? _s3;

    /// <param name="targetOperations">The AWS JSON 1.1 operations, by name.</param>
    /// <param name="pathOperations">The operations served at a path (POST).</param>
    /// <param name="s3">Routes an S3 request; null serves no S3.</param>
    /// <param name="logsOperations">The CloudWatch Logs operations (target prefix <c>Logs_20140328</c>), by name; null serves none.</param>
    /// <param name="cloudWatchOperations">The CloudWatch operations (AWS JSON 1.0, target prefix <c>GraniteServiceVersion20100801</c>), by name; null serves none.</param>
    /// <param name="eventsOperations">The EventBridge operations (target prefix <c>AWSEvents</c>), by name; null serves none.</param>
    public ApiRouter(IEnumerable<IApiOperation> targetOperations, IEnumerable<(string Path, IApiOperation Operation, int Limit)> pathOperations,
        Func<HttpRequest, ApiRoute>? s3 = null, IEnumerable<IApiOperation>? logsOperations = null, IEnumerable<IApiOperation>? cloudWatchOperations = null,
        IEnumerable<IApiOperation>? eventsOperations = null)
    {
        _cloudWatchTargets = (cloudWatchOperations ?? []).ToFrozenDictionary(o => o.Name, StringComparer.Ordinal);
        _eventsTargets = (eventsOperations ?? []).ToFrozenDictionary(o => o.Name, StringComparer.Ordinal);
        _targets = targetOperations.ToFrozenDictionary(o => o.Name, StringComparer.Ordinal);
        _logsTargets = (logsOperations ?? []).ToFrozenDictionary(o => o.Name, StringComparer.Ordinal);
        _paths = pathOperations.ToFrozenDictionary(p => p.Path, p => (p.Operation, p.Limit), StringComparer.Ordinal);
        _s3 = s3;
    }

    public ApiRoute Route(HttpRequest request)
    {
        var target = request.Headers["X-Amz-Target"].ToString();
        if (target.StartsWith(LogsTargetPrefix, StringComparison.Ordinal))
        {
            return RouteService(request, target[LogsTargetPrefix.Length..], _logsTargets, LogsSource, LogsSigningServices);
        }

        if (target.StartsWith(EventsTargetPrefix, StringComparison.Ordinal))
        {
            return RouteService(request, target[EventsTargetPrefix.Length..], _eventsTargets, EventsSource, EventsSigningServices);
        }

        if (target.StartsWith(CloudWatchTargetPrefix, StringComparison.Ordinal))
        {
            return RouteCloudWatch(request, target[CloudWatchTargetPrefix.Length..]);
        }

        if (target.Length > 0)
        {
            var name = target[(target.LastIndexOf('.') + 1)..];
            if (!HttpMethods.IsPost(request.Method))
            {
                return new ApiRoute(WireProtocol.AwsJson11, null, name, CloudTrailSource, JsonBodyLimit,
                    new ApiError(ErrorCodes.UnknownOperationException, $"AWS JSON 1.1 calls use POST; got {request.Method}."));
            }

            return _targets.TryGetValue(name, out var operation)
                ? new ApiRoute(WireProtocol.AwsJson11, operation, name, operation.EventSource, JsonBodyLimit, null)
                : new ApiRoute(WireProtocol.AwsJson11, null, name.Length == 0 ? "UnknownOperation" : name, CloudTrailSource, JsonBodyLimit,
                    new ApiError(ErrorCodes.UnknownOperationException, $"The operation '{Clip(name)}' is not supported by this service."));
        }

        var path = request.Path.Value ?? "/";
        if (HttpMethods.IsPost(request.Method) && _paths.TryGetValue(path, out var byPath))
        {
            return new ApiRoute(byPath.Operation.EventSource == CloudTrailSource ? WireProtocol.AwsJson11 : WireProtocol.RestJson,
                byPath.Operation, byPath.Operation.Name, byPath.Operation.EventSource, byPath.Limit, null);
        }

        if (_s3 is not null && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || !IsServicePath(path)))
        {
            return _s3(request);
        }

        return new ApiRoute(WireProtocol.AwsJson11, null, "UnknownOperation", CloudTrailSource, JsonBodyLimit,
            new ApiError(ErrorCodes.UnknownOperationException, $"No operation is served at {request.Method} {Clip(path)}: send AWS JSON 1.1 calls to / with an X-Amz-Target header, PutAuditEvents to /PutAuditEvents, and CloudTrail records to /records.", 404));
    }

    // A service of its own X-Amz-Target prefix and SigV4 service (CloudWatch Logs, EventBridge).
    private static ApiRoute RouteService(HttpRequest request, string name, FrozenDictionary<string, IApiOperation> targets, string source, FrozenSet<string> signing)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return new ApiRoute(WireProtocol.AwsJson11, null, name, source, JsonBodyLimit,
                new ApiError(ErrorCodes.UnknownOperationException, $"AWS JSON 1.1 calls use POST; got {request.Method}."), SigningServices: signing);
        }

        return targets.TryGetValue(name, out var operation)
            ? new ApiRoute(WireProtocol.AwsJson11, operation, name, operation.EventSource, JsonBodyLimit, null, SigningServices: signing)
            : new ApiRoute(WireProtocol.AwsJson11, null, name.Length == 0 ? "UnknownOperation" : name, source, JsonBodyLimit,
                new ApiError(ErrorCodes.UnknownOperationException, $"The operation '{Clip(name)}' is not supported by this service."), SigningServices: signing);
    }

    // CloudWatch's AWS JSON 1.0 (what botocore picks from the model's protocols: json before smithy-rpc-v2-cbor).
    private ApiRoute RouteCloudWatch(HttpRequest request, string name)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return new ApiRoute(WireProtocol.AwsJson10, null, name, CloudWatchSource, JsonBodyLimit,
                new ApiError(ErrorCodes.UnknownOperationException, $"AWS JSON 1.0 calls use POST; got {request.Method}."), SigningServices: CloudWatchSigningServices);
        }

        return _cloudWatchTargets.TryGetValue(name, out var operation)
            ? new ApiRoute(WireProtocol.AwsJson10, operation, name, operation.EventSource, JsonBodyLimit, null, SigningServices: CloudWatchSigningServices)
            : new ApiRoute(WireProtocol.AwsJson10, null, name.Length == 0 ? "UnknownOperation" : name, CloudWatchSource, JsonBodyLimit,
                new ApiError(ErrorCodes.UnknownOperationException, $"The operation '{Clip(name)}' is not supported by this service."), SigningServices: CloudWatchSigningServices);
    }

    private bool IsServicePath(string path) => path is "/" or "/health" || _paths.ContainsKey(path);

    private static string Clip(string text) => text.Length <= 128 ? text : text[..128] + "…";
}
