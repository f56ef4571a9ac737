using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.Rules;

/// <summary><c>DescribeRule</c>: one rule, with its creation time and <c>CreatedBy</c> (the account).</summary>
internal sealed class DescribeRuleOperation(RuleCatalog catalog, ServiceIdentity identity) : RulesOperation(identity)
{
    public override string Name => "DescribeRule";

    public override bool ReadOnly => true;

    protected override (byte[]? Body, ApiError? Error, string? Rule) Execute(JsonElement request, ApiCall call)
    {
        var error = RuleInput.First(RuleInput.Required(request, "Name", out var name), RuleInput.Bus(request, Identity.AccountId, Identity.Region));
        error ??= RuleInput.Name(name);
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
            RuleJson.WriteMembers(w, rule, Identity);
            w.WriteString("CreatedBy", Identity.AccountId);
            w.WriteEndObject();
        }), null, name);
    }
}
