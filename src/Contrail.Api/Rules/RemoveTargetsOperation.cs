using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.Rules;

/// <summary><c>RemoveTargets</c>: removes targets of a rule by id; ids it does not have are ignored.</summary>
internal sealed class RemoveTargetsOperation(RuleCatalog catalog, ServiceIdentity identity) : RulesOperation(identity)
{
    public override string Name => "RemoveTargets";

    protected override (byte[]? Body, ApiError? Error, string? Rule) Execute(JsonElement request, ApiCall call)
    {
        var error = RuleInput.First(
            RuleInput.Required(request, "Rule", out var name),
            JsonInput.Array(request, "Ids", out var list),
            RuleInput.Bus(request, Identity.AccountId, Identity.Region));
        error ??= RuleInput.Name(name, "rule") ?? (list is null ? RulesErrors.Missing("ids") : null);
        if (error is not null)
        {
            return (null, error, null);
        }

        var ids = list!.Value.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).ToHashSet(StringComparer.Ordinal);
        if (!catalog.RemoveTargets(name, ids))
        {
            return (null, RulesErrors.RuleNotFound(name), name);
        }

        return ("""{"FailedEntryCount":0,"FailedEntries":[]}"""u8.ToArray(), null, name);
    }
}
