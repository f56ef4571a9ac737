using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudWatch.Alarms;

/// <summary><c>DeleteAlarms</c>: deletes up to 100 alarms, all or none: any name that does not exist is <c>ResourceNotFound</c> and nothing is deleted.</summary>
internal sealed class DeleteAlarmsOperation(AlarmCatalog catalog, TimeProvider time, ServiceIdentity identity) : CloudWatchOperation(identity)
{
    public override string Name => "DeleteAlarms";

    protected override (byte[]? Body, ApiError? Error, IReadOnlyList<string> Alarms) Execute(JsonElement request, ApiCall call)
    {
        var error = AlarmInput.Strings(request, "AlarmNames", 100, 255, out var names);
        if (error is not null)
        {
            return (null, error, []);
        }

        if (names is null)
        {
            return (null, CloudWatchErrors.Missing("alarmNames"), []);
        }

        var missing = catalog.Delete(names, time.GetUtcNow());
        return missing.Count > 0 ? (null, CloudWatchErrors.NotFound(missing), names) : ("{}"u8.ToArray(), null, names);
    }
}
