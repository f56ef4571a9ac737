using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.Rules;

/// <summary><c>EnableRule</c> and <c>DisableRule</c> (one type, two registrations): switch a rule's state.</summary>
internal sealed class SetRuleStateOperation(RuleCatalog catalog, ServiceIdentity identity, bool enable) : RulesOperation(identity)
{
    public override string Name => enable ? "EnableRule" : "DisableRule";

    protected override (byte[]? Body, ApiError? Error, string? Rule) Execute(JsonElement request, ApiCall call)
    {
        var error = RuleInput.First(RuleInput.Required(request, "Name", out var name), RuleInput.Bus(request, Identity.AccountId, Identity.Region));
        error ??= RuleInput.Name(name);
        if (error is not null)
        {
            return (null, error, null);
        }

        return catalog.SetState(name, enable) ? ("{}"u8.ToArray(), null, name) : (null, RulesErrors.RuleNotFound(name), name);
    }
}
