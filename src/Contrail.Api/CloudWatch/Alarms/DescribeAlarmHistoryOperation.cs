using System.Globalization;
using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudWatch.Alarms;

/// <summary>
/// <c>DescribeAlarmHistory</c>: history entries (of one alarm, or all, deleted ones included) by
/// <c>HistoryItemType</c> and time (<c>StartDate</c> inclusive, <c>EndDate</c> exclusive), newest first unless
/// <c>ScanBy</c> is <c>TimestampAscending</c>; pages of <c>MaxRecords</c> (1–100, default 100) with a <c>NextToken</c>.
/// </summary>
internal sealed class DescribeAlarmHistoryOperation(AlarmCatalog catalog, ServiceIdentity identity) : CloudWatchOperation(identity)
{
    public const int DefaultMaxRecords = 100;

    private static readonly string[] ItemTypes = ["ConfigurationUpdate", "StateUpdate", "Action"];
    private static readonly string[] ScanOrders = ["TimestampDescending", "TimestampAscending"];

    public override string Name => "DescribeAlarmHistory";

    public override bool ReadOnly => true;

    protected override (byte[]? Body, ApiError? Error, IReadOnlyList<string> Alarms) Execute(JsonElement request, ApiCall call)
    {
        var error = AlarmInput.First(
            JsonInput.String(request, "AlarmName", out var name),
            AlarmInput.Strings(request, "AlarmTypes", 2, 255, out var types),
            JsonInput.String(request, "HistoryItemType", out var itemType),
            JsonInput.Timestamp(request, "StartDate", out var start),
            JsonInput.Timestamp(request, "EndDate", out var end),
            JsonInput.Integer(request, "MaxRecords", out var maxRecords),
            JsonInput.String(request, "NextToken", out var nextToken),
            JsonInput.String(request, "ScanBy", out var scanBy));
        if (error is not null)
        {
            return (null, error, []);
        }

        error = (name is null ? null : AlarmInput.Length("AlarmName", name, 1, 255))
            ?? AlarmInput.OneOf("HistoryItemType", itemType, ItemTypes)
            ?? AlarmInput.OneOf("ScanBy", scanBy, ScanOrders)
            ?? (maxRecords is { } max && max is < 1 or > 100 ? CloudWatchErrors.NotInRange("maxRecords", max, 1, 100) : null);
        if (error is not null)
        {
            return (null, error, []);
        }

        long? after = null;
        if (nextToken is not null)
        {
            if (!long.TryParse(nextToken, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                return (null, CloudWatchErrors.BadNextToken(), []);
            }

            after = position;
        }

        var ascending = scanBy == "TimestampAscending";
        var startMs = start?.ToUnixTimeMilliseconds();
        var endMs = end?.ToUnixTimeMilliseconds();
        IEnumerable<AlarmHistoryItem> items = types is not null && !types.Contains("MetricAlarm") ? [] : catalog.History().Where(h =>
            (name is null || h.AlarmName == name)
            && (itemType is null || h.HistoryItemType == itemType)
            && (startMs is null || h.Timestamp >= startMs)
            && (endMs is null || h.Timestamp < endMs)
            && (after is null || (ascending ? h.Sequence > after : h.Sequence < after)));
        if (!ascending)
        {
            items = items.Reverse();
        }

        var limit = maxRecords ?? DefaultMaxRecords;
        var selected = items.Take(limit + 1).ToList();
        var more = selected.Count > limit;
        if (more)
        {
            selected.RemoveAt(selected.Count - 1);
        }

        var body = Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("AlarmHistoryItems");
            foreach (var item in selected)
            {
                AlarmJson.Write(w, item);
            }

            w.WriteEndArray();
            if (more)
            {
                w.WriteString("NextToken", selected[^1].Sequence.ToString(CultureInfo.InvariantCulture));
            }

            w.WriteEndObject();
        });
        return (body, null, name is null ? [] : [name]);
    }
}
