using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.Rules;

/// <summary>
/// <c>PutTargets</c>: adds or replaces (by <c>Id</c>) up to 10 targets of a rule. A target has <c>Id</c>,
/// <c>Arn</c> (a webhook URL or <c>arn:contrail:logs:::NAME</c>, <see cref="RuleTargetArn"/>) and optionally
/// <c>Input</c> (JSON text sent instead of the event); any other member, a malformed Arn or Input refuses
/// the whole call (ValidationException). Targets past the 5-per-rule quota come back in <c>FailedEntries</c>.
/// </summary>
internal sealed class PutTargetsOperation(RuleCatalog catalog, ServiceIdentity identity) : RulesOperation(identity)
{
    public const int MaxTargetsPerCall = 10;

    public override string Name => "PutTargets";

    protected override (byte[]? Body, ApiError? Error, string? Rule) Execute(JsonElement request, ApiCall call)
    {
        var error = RuleInput.First(
            RuleInput.Required(request, "Rule", out var name),
            JsonInput.Array(request, "Targets", out var list),
            RuleInput.Bus(request, Identity.AccountId, Identity.Region));
        error ??= RuleInput.Name(name, "rule") ?? (list is null ? RulesErrors.Missing("targets") : null);
        if (error is not null)
        {
            return (null, error, null);
        }

        var items = list!.Value.EnumerateArray().ToList();
        if (items.Count is 0 or > MaxTargetsPerCall)
        {
            return (null, RulesErrors.Invalid($"1 validation error detected: Value at 'targets' failed to satisfy constraint: Member must have length {(items.Count == 0 ? "greater than or equal to 1" : $"less than or equal to {MaxTargetsPerCall}")}"), name);
        }

        var targets = new List<RuleTarget>();
        foreach (var item in items)
        {
            var (target, targetError) = Target(item);
            if (targetError is not null)
            {
                return (null, targetError, name);
            }

            targets.Add(target!);
        }

        var refused = catalog.PutTargets(name, targets);
        if (refused is null)
        {
            return (null, RulesErrors.RuleNotFound(name), name);
        }

        return (Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("FailedEntryCount", refused.Count);
            w.WriteStartArray("FailedEntries");
            foreach (var id in refused)
            {
                w.WriteStartObject();
                w.WriteString("TargetId", id);
                w.WriteString("ErrorCode", RulesErrors.LimitExceeded);
                w.WriteString("ErrorMessage", $"The rule already has {RuleCatalog.MaxTargetsPerRule} targets.");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }), null, name);
    }

    private static (RuleTarget? Target, ApiError? Error) Target(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (null, RulesErrors.Invalid("Each target must be an object."));
        }

        foreach (var member in item.EnumerateObject())
        {
            if (member.Name is not ("Id" or "Arn" or "Input"))
            {
                return (null, RulesErrors.Invalid($"Target member {member.Name} is not supported by Contrail: a target has Id, Arn and Input (docs/dev/rules.md)."));
            }
        }

        var error = RuleInput.First(
            RuleInput.Required(item, "Id", out var id),
            RuleInput.Required(item, "Arn", out var arn),
            JsonInput.String(item, "Input", out var input));
        error ??= RuleInput.Name(id, "targets.member.id")
            ?? (arn.Length > RuleInput.MaxArnLength ? RulesErrors.TooLong("targets.member.arn", RuleInput.MaxArnLength) : null)
            ?? (input is { Length: > RuleInput.MaxInputLength } ? RulesErrors.TooLong("targets.member.input", RuleInput.MaxInputLength) : null);
        if (error is not null)
        {
            return (null, error);
        }

        var (_, arnError) = RuleTargetArn.Classify(arn, out _, out _);
        if (arnError is not null)
        {
            return (null, RulesErrors.Invalid($"Parameter(s) Arn is not valid. Reason: {arnError}"));
        }

        if (input is not null && !IsJson(input))
        {
            return (null, RulesErrors.Invalid("Parameter(s) Input is not valid. Reason: Input must be valid JSON text."));
        }

        return (new RuleTarget(id, arn, input), null);
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
