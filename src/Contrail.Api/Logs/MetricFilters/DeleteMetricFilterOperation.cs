using System.Text.Json;
using Contrail.Api.Logs.LogGroups;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.Logs.MetricFilters;

/// <summary><c>DeleteMetricFilter</c>: removes a filter; its metric's points stay until they age out.</summary>
internal sealed class DeleteMetricFilterOperation(MetricFilterCatalog catalog, LogGroupDirectory logGroups, ServiceIdentity identity)
    : LogsOperation(identity)
{
    public override string Name => "DeleteMetricFilter";

    protected override (byte[]? Body, ApiError? Error, string? LogGroup) Execute(JsonElement request, ApiCall call)
    {
        var error = MetricFilterInput.First(
            MetricFilterInput.Required(request, "logGroupName", out var logGroup),
            MetricFilterInput.Required(request, "filterName", out var filterName));
        error ??= MetricFilterInput.LogGroupName(logGroup) ?? MetricFilterInput.FilterName(filterName);
        if (error is not null)
        {
            return (null, error, null);
        }

        if (!logGroups.Exists(logGroup))
        {
            return (null, LogsErrors.LogGroupNotFound(), logGroup);
        }

        return catalog.Remove(logGroup, filterName)
            ? ("{}"u8.ToArray(), null, logGroup)
            : (null, LogsErrors.FilterNotFound(), logGroup);
    }
}
