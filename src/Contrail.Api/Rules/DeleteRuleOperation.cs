using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.Rules;

/// <summary>
/// <c>DeleteRule</c>: removes a rule that has no targets (or any, with <c>Force</c>). Deleting a rule
/// that does not exist succeeds, as EventBridge's.
/// </summary>
internal sealed class DeleteRuleOperation(RuleCatalog catalog, ServiceIdentity identity) : RulesOperation(identity)
{
    public override string Name => "DeleteRule";

    protected override (byte[]? Body, ApiError? Error, string? Rule) Execute(JsonElement request, ApiCall call)
    {
        var force = request.ValueKind == JsonValueKind.Object && request.TryGetProperty("Force", out var f) && f.ValueKind == JsonValueKind.True;
        var error = RuleInput.First(RuleInput.Required(request, "Name", out var name), RuleInput.Bus(request, Identity.AccountId, Identity.Region));
        error ??= RuleInput.Name(name);
        if (error is not null)
        {
            return (null, error, null);
        }

        return catalog.Delete(name, force) == RuleDeleteOutcome.HasTargets
            ? (null, RulesErrors.Invalid("Rule can't be deleted since it has targets."), name)
            : ("{}"u8.ToArray(), null, name);
    }
}
