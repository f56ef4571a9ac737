using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudWatch.Alarms;

/// <summary>
/// <c>SetAlarmState</c>: sets an alarm's state by hand (for testing actions, as in CloudWatch); the next
/// evaluation sets it back from the data. <c>StateReasonData</c>, when given, must be JSON (<c>InvalidFormat</c>).
/// </summary>
internal sealed class SetAlarmStateOperation(AlarmCatalog catalog, TimeProvider time, ServiceIdentity identity) : CloudWatchOperation(identity)
{
    public override string Name => "SetAlarmState";

    protected override (byte[]? Body, ApiError? Error, IReadOnlyList<string> Alarms) Execute(JsonElement request, ApiCall call)
    {
        var error = AlarmInput.First(
            AlarmInput.Name(request, "AlarmName", out var name),
            JsonInput.String(request, "StateValue", out var state),
            AlarmInput.Name(request, "StateReason", out var reason, 1023, 0),
            JsonInput.String(request, "StateReasonData", out var reasonData));
        if (error is not null)
        {
            return (null, error, []);
        }

        IReadOnlyList<string> named = [name];
        error = (state is null ? CloudWatchErrors.Missing("stateValue") : AlarmInput.OneOf("StateValue", state, AlarmInput.StateValues))
            ?? (reasonData is null ? null : AlarmInput.Length("StateReasonData", reasonData, 0, 4000));
        if (error is not null)
        {
            return (null, error, named);
        }

        if (reasonData is not null && !IsJson(reasonData))
        {
            return (null, new ApiError(CloudWatchErrors.InvalidFormat, "StateReasonData is not syntactically valid JSON."), named);
        }

        catalog.SetState(name, state!, reason, reasonData, time.GetUtcNow(), out var found);
        return found ? ("{}"u8.ToArray(), null, named) : (null, CloudWatchErrors.NotFound([name]), named);
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
