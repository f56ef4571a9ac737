using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.Rules;

/// <summary>
/// <c>ListRules</c>: the rules in name order, optionally those starting with <c>NamePrefix</c>; pages of
/// <c>Limit</c> (1–100, default 100) with an opaque <c>NextToken</c> (base64url of the last name returned).
/// </summary>
internal sealed class ListRulesOperation(RuleCatalog catalog, ServiceIdentity identity) : RulesOperation(identity)
{
    public const int MaxLimit = 100;

    public override string Name => "ListRules";

    public override bool ReadOnly => true;

    protected override (byte[]? Body, ApiError? Error, string? Rule) Execute(JsonElement request, ApiCall call)
    {
        var error = RuleInput.First(
            JsonInput.String(request, "NamePrefix", out var prefix),
            JsonInput.String(request, "NextToken", out var token),
            JsonInput.Integer(request, "Limit", out var limit),
            RuleInput.Bus(request, Identity.AccountId, Identity.Region));
        error ??= limit is { } l && l is < 1 or > MaxLimit
            ? RulesErrors.Invalid($"1 validation error detected: Value '{l}' at 'limit' failed to satisfy constraint: Member must have value {(l < 1 ? "greater than or equal to 1" : $"less than or equal to {MaxLimit}")}")
            : null;
        string? after = null;
        if (error is null && token is not null)
        {
            try
            {
                after = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            }
            catch (FormatException)
            {
                error = RulesErrors.Invalid("The NextToken is not valid.");
            }
        }

        if (error is not null)
        {
            return (null, error, null);
        }

        var size = limit ?? MaxLimit;
        var page = catalog.List()
            .Where(r => (prefix is null || r.Name.StartsWith(prefix, StringComparison.Ordinal)) && (after is null || string.CompareOrdinal(r.Name, after) > 0))
            .Take(size + 1).ToList();
        var more = page.Count > size;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        return (Json(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("Rules");
            foreach (var rule in page)
            {
                w.WriteStartObject();
                RuleJson.WriteMembers(w, rule, Identity);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (more)
            {
                w.WriteString("NextToken", Base64Url.EncodeToString(Encoding.UTF8.GetBytes(page[^1].Name)));
            }

            w.WriteEndObject();
        }), null, null);
    }
}
