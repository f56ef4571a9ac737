using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudWatch.Alarms;

/// <summary>
/// <c>EnableAlarmActions</c> / <c>DisableAlarmActions</c>: sets <c>ActionsEnabled</c> of up to 100 alarms (names that
/// do not exist are skipped, as CloudWatch does). Contrail runs no actions itself; the flag is kept, described and
/// carried to whoever routes the state changes.
/// </summary>
internal abstract class AlarmActionsOperation(AlarmCatalog catalog, ServiceIdentity identity, bool enable) : CloudWatchOperation(identity)
{
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

        catalog.SetActionsEnabled(names, enable);
        return ("{}"u8.ToArray(), null, names);
    }
}
