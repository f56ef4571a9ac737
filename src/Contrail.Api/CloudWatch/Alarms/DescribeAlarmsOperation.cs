using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudWatch.Alarms;

/// <summary>
/// <c>DescribeAlarms</c>: the metric alarms by <c>AlarmNames</c> or <c>AlarmNamePrefix</c>, <c>StateValue</c> and
/// <c>ActionPrefix</c>, ordered by name; pages of <c>MaxRecords</c> (1–100, default 50) with an opaque <c>NextToken</c>.
/// <c>AlarmTypes</c> without <c>MetricAlarm</c> finds none (there are no composite alarms).
/// </summary>
internal sealed class DescribeAlarmsOperation(AlarmCatalog catalog, ServiceIdentity identity) : CloudWatchOperation(identity)
{
    public const int DefaultMaxRecords = 50;

    public override string Name => "DescribeAlarms";

    public override bool ReadOnly => true;

    protected override (byte[]? Body, ApiError? Error, IReadOnlyList<string> Alarms) Execute(JsonElement request, ApiCall call)
    {
        var error = AlarmInput.First(
            AlarmInput.Strings(request, "AlarmNames", 100, 255, out var names),
            JsonInput.String(request, "AlarmNamePrefix", out var prefix),
            AlarmInput.Strings(request, "AlarmTypes", 2, 255, out var types),
            JsonInput.String(request, "StateValue", out var state),
            JsonInput.String(request, "ActionPrefix", out var actionPrefix),
            JsonInput.Integer(request, "MaxRecords", out var maxRecords),
            JsonInput.String(request, "NextToken", out var nextToken),
            JsonInput.String(request, "ChildrenOfAlarmName", out var children),
            JsonInput.String(request, "ParentsOfAlarmName", out var parents));
        if (error is not null)
        {
            return (null, error, []);
        }

        error = (prefix is null ? null : AlarmInput.Length("AlarmNamePrefix", prefix, 1, 255))
            ?? (actionPrefix is null ? null : AlarmInput.Length("ActionPrefix", actionPrefix, 1, 1024))
            ?? AlarmInput.OneOf("StateValue", state, AlarmInput.StateValues)
            ?? (maxRecords is { } max && max is < 1 or > 100 ? CloudWatchErrors.NotInRange("maxRecords", max, 1, 100) : null)
            ?? (types?.FirstOrDefault(t => t is not ("MetricAlarm" or "CompositeAlarm")) is { } badType
                ? CloudWatchErrors.NotInSet("alarmTypes.member", badType, ["CompositeAlarm", "MetricAlarm"])
                : null);
        if (error is not null)
        {
            return (null, error, []);
        }

        if (names is not null && prefix is not null)
        {
            return (null, new ApiError(CloudWatchErrors.InvalidParameterCombination, "AlarmNames and AlarmNamePrefix cannot be specified together."), []);
        }

        string? after = null;
        if (nextToken is not null && (after = DecodeToken(nextToken)) is null)
        {
            return (null, CloudWatchErrors.BadNextToken(), []);
        }

        // Composite alarm relations (ChildrenOfAlarmName, ParentsOfAlarmName) find nothing: there are no composite alarms.
        var metricAlarms = types is null || types.Contains("MetricAlarm");
        var selected = !metricAlarms || children is not null || parents is not null
            ? []
            : catalog.List().Where(a =>
                (names is null || names.Contains(a.AlarmName))
                && (prefix is null || a.AlarmName.StartsWith(prefix, StringComparison.Ordinal))
                && (state is null || a.StateValue == state)
                && (actionPrefix is null || a.OKActions.Concat(a.AlarmActions).Concat(a.InsufficientDataActions).Any(x => x.StartsWith(actionPrefix, StringComparison.Ordinal)))
                && (after is null || string.CompareOrdinal(a.AlarmName, after) > 0)).ToList();
        var limit = maxRecords ?? DefaultMaxRecords;
        var page = selected.Take(limit).ToList();
        var more = selected.Count > limit;

        var body = Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("MetricAlarms");
            foreach (var alarm in page)
            {
                AlarmJson.Write(w, alarm);
            }

            w.WriteEndArray();
            if (types?.Contains("CompositeAlarm") == true)
            {
                w.WriteStartArray("CompositeAlarms");
                w.WriteEndArray();
            }

            if (more)
            {
                w.WriteString("NextToken", Base64Url.EncodeToString(Encoding.UTF8.GetBytes(page[^1].AlarmName)));
            }

            w.WriteEndObject();
        });
        return (body, null, names ?? []);
    }

    private static string? DecodeToken(string token)
    {
        try
        {
            var name = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            return name.Length is > 0 and <= 255 ? name : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
