using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;
using Contrail.Monitoring.Rules.EventPatterns;

namespace Contrail.Api.Rules;

/// <summary>
/// <c>TestEventPattern</c>: whether <c>Event</c> (JSON text of a whole event, as EventBridge delivers it)
/// matches <c>EventPattern</c>. As EventBridge, the event must carry <c>id</c>, <c>account</c>,
/// <c>source</c>, <c>time</c>, <c>region</c>, <c>resources</c> and <c>detail-type</c>.
/// </summary>
internal sealed class TestEventPatternOperation(ServiceIdentity identity) : RulesOperation(identity)
{
    private static readonly string[] RequiredEventMembers = ["id", "account", "source", "time", "region", "resources", "detail-type"];

    public override string Name => "TestEventPattern";

    public override bool ReadOnly => true;

    protected override (byte[]? Body, ApiError? Error, string? Rule) Execute(JsonElement request, ApiCall call)
    {
        var error = RuleInput.First(RuleInput.Required(request, "EventPattern", out var patternText), RuleInput.Required(request, "Event", out var eventText));
        if (error is not null)
        {
            return (null, error, null);
        }

        var (pattern, patternError) = EventPattern.Parse(patternText);
        if (patternError is not null)
        {
            return (null, new ApiError(RulesErrors.InvalidEventPattern, patternError.Message), null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(eventText);
        }
        catch (JsonException)
        {
            return (null, RulesErrors.Invalid("Parameter Event is not valid."), null);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || RequiredEventMembers.FirstOrDefault(m => !root.TryGetProperty(m, out _)) is { } missing)
            {
                return (null, RulesErrors.Invalid("Parameter Event is not valid."), null);
            }

            var result = pattern!.Matches(root);
            return (Json(w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("Result", result);
                w.WriteEndObject();
            }), null, null);
        }
    }
}
