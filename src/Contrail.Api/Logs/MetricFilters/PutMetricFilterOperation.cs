using System.Text.Json;
using Contrail.Api.Logs.LogGroups;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;
using Contrail.Monitoring.MetricFilters;

namespace Contrail.Api.Logs.MetricFilters;

/// <summary>
/// <c>PutMetricFilter</c>: creates or replaces a metric filter on a log group that a trail sends to.
/// The answer is empty, as CloudWatch Logs'.
/// </summary>
internal sealed class PutMetricFilterOperation(MetricFilterCatalog catalog, LogGroupDirectory logGroups, TimeProvider time, ServiceIdentity identity)
    : LogsOperation(identity)
{
    public override string Name => "PutMetricFilter";

    protected override (byte[]? Body, ApiError? Error, string? LogGroup) Execute(JsonElement request, ApiCall call)
    {
        var error = MetricFilterInput.First(
            MetricFilterInput.Required(request, "logGroupName", out var logGroup),
            MetricFilterInput.Required(request, "filterName", out var filterName),
            MetricFilterInput.Required(request, "filterPattern", out var patternText));
        if (error is not null)
        {
            return (null, error, null);
        }

        error = MetricFilterInput.LogGroupName(logGroup)
            ?? MetricFilterInput.FilterName(filterName)
            ?? MetricFilterInput.Pattern(patternText, out _);
        MetricTransformation? transformation = null;
        error ??= MetricFilterInput.Transformation(request, out transformation);
        if (error is not null)
        {
            return (null, error, null);
        }

        if (!logGroups.Exists(logGroup))
        {
            return (null, LogsErrors.LogGroupNotFound(), logGroup);
        }

        var filter = new MetricFilterDefinition(logGroup, filterName, patternText, transformation!, time.GetUtcNow().ToUnixTimeMilliseconds());
        return catalog.Put(filter) == MetricFilterPutOutcome.LimitReached
            ? (null, LogsErrors.TooManyFilters(), logGroup)
            : ("{}"u8.ToArray(), null, logGroup);
    }
}
