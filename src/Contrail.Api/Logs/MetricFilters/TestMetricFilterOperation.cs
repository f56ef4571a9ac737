using System.Text;
using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;
using Contrail.Monitoring.MetricFilters;

namespace Contrail.Api.Logs.MetricFilters;

/// <summary>
/// <c>TestMetricFilter</c>: matches a pattern against 1–50 log event messages (here: CloudTrail
/// records as JSON text) and answers the matches, each with its 1-based <c>eventNumber</c>, the
/// message, and as <c>extractedValues</c> the value of every selector the pattern tests that the
/// event has (<c>{"$.eventName": "ConsoleLogin"}</c>).
/// </summary>
internal sealed class TestMetricFilterOperation(ServiceIdentity identity) : LogsOperation(identity)
{
    public const int MaxMessages = 50;

    public override string Name => "TestMetricFilter";

    public override bool ReadOnly => true;

    protected override (byte[]? Body, ApiError? Error, string? LogGroup) Execute(JsonElement request, ApiCall call)
    {
        var error = MetricFilterInput.First(
            MetricFilterInput.Required(request, "filterPattern", out var patternText),
            JsonInput.Array(request, "logEventMessages", out var list));
        if (error is not null)
        {
            return (null, error, null);
        }

        if (list is null)
        {
            return (null, LogsErrors.Missing("logEventMessages"), null);
        }

        var count = list.Value.GetArrayLength();
        if (count is 0 or > MaxMessages)
        {
            return (null, count == 0 ? LogsErrors.TooShort("logEventMessages", 1) : LogsErrors.TooLong("logEventMessages", MaxMessages), null);
        }

        var messages = new List<string>(count);
        foreach (var item in list.Value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return (null, ApiError.Serialization($"logEventMessages must hold strings; got {JsonInput.Kind(item)}."), null);
            }

            var message = item.GetString()!;
            if (message.Length == 0)
            {
                return (null, LogsErrors.TooShort($"logEventMessages.{messages.Count + 1}.member", 1), null);
            }

            messages.Add(message);
        }

        error = MetricFilterInput.Pattern(patternText, out var pattern);
        if (error is not null)
        {
            return (null, error, null);
        }

        var selectors = pattern!.Selectors().Select(FieldSelector.TryParse).OfType<FieldSelector>().ToList();
        var body = Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("matches");
            for (var i = 0; i < messages.Count; i++)
            {
                var utf8 = Encoding.UTF8.GetBytes(messages[i]);
                if (!pattern.Matches(utf8))
                {
                    continue;
                }

                w.WriteStartObject();
                w.WriteNumber("eventNumber", i + 1);
                w.WriteString("eventMessage", messages[i]);
                w.WriteStartObject("extractedValues");
                foreach (var selector in selectors)
                {
                    if (selector.Read(utf8) is { } reading)
                    {
                        w.WriteString(selector.Text, reading.Text);
                    }
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        return (body, null, null);
    }
}
