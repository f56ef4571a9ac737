using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.Rules;

/// <summary><c>ListTargetsByRule</c>: every target of a rule (at most 5, so one page).</summary>
internal sealed class ListTargetsByRuleOperation(RuleCatalog catalog, ServiceIdentity identity) : RulesOperation(identity)
{
    public override string Name => "ListTargetsByRule";

    public override bool ReadOnly => true;

    protected override (byte[]? Body, ApiError? Error, string? Rule) Execute(JsonElement request, ApiCall call)
    {
        var error = RuleInput.First(RuleInput.Required(request, "Rule", out var name), RuleInput.Bus(request, Identity.AccountId, Identity.Region));
        error ??= RuleInput.Name(name, "rule");
        if (error is not null)
        {
            return (null, error, null);
        }

        if (catalog.Find(name) is not { } rule)
        {
            return (null, RulesErrors.RuleNotFound(name), name);
        }

        return (Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("Targets");
            foreach (var target in rule.Targets)
            {
                RuleJson.WriteTarget(w, target);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }), null, name);
    }
}
