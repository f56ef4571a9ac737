using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;
using Contrail.Monitoring.Rules.EventPatterns;

namespace Contrail.Api.Rules;

/// <summary>
/// <c>PutRule</c>: creates or replaces a rule with an event pattern on the default bus; answers its ARN.
/// Schedule expressions are refused (there is no scheduler here).
/// </summary>
internal sealed class PutRuleOperation(RuleCatalog catalog, TimeProvider time, ServiceIdentity identity) : RulesOperation(identity)
{
    public override string Name => "PutRule";

    protected override (byte[]? Body, ApiError? Error, string? Rule) Execute(JsonElement request, ApiCall call)
    {
        var error = RuleInput.First(
            RuleInput.Required(request, "Name", out var name),
            JsonInput.String(request, "EventPattern", out var patternText),
            JsonInput.String(request, "ScheduleExpression", out var schedule),
            JsonInput.String(request, "State", out var state),
            JsonInput.String(request, "Description", out var description),
            RuleInput.Bus(request, Identity.AccountId, Identity.Region));
        if (error is not null)
        {
            return (null, error, null);
        }

        error = RuleInput.Name(name)
            ?? (description is { Length: > RuleInput.MaxDescriptionLength } ? RulesErrors.TooLong("description", RuleInput.MaxDescriptionLength) : null)
            ?? (patternText is { Length: > RuleInput.MaxPatternLength } ? RulesErrors.TooLong("eventPattern", RuleInput.MaxPatternLength) : null)
            ?? (state is null or EventRule.Enabled or EventRule.Disabled ? null
                : RulesErrors.Invalid($"1 validation error detected: Value '{state}' at 'state' failed to satisfy constraint: Member must satisfy enum value set: [DISABLED, ENABLED]"));
        if (error is not null)
        {
            return (null, error, name);
        }

        if (schedule is not null)
        {
            return (null, RulesErrors.Invalid("ScheduleExpression is not supported by Contrail: rules match events with an EventPattern."), name);
        }

        if (patternText is null)
        {
            return (null, RulesErrors.Invalid("Parameter(s) EventPattern or ScheduleExpression must be specified."), name);
        }

        var (_, patternError) = EventPattern.Parse(patternText);
        if (patternError is not null)
        {
            return (null, new ApiError(RulesErrors.InvalidEventPattern, patternError.Message), name);
        }

        if (!catalog.Put(name, patternText, state ?? EventRule.Enabled, description, time.GetUtcNow().ToUnixTimeMilliseconds()))
        {
            return (null, RulesErrors.TooManyRules(), name);
        }

        return (Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("RuleArn", RuleArn(Identity, name));
            w.WriteEndObject();
        }), null, name);
    }
}
