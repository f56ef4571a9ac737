using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>
/// <c>ListTrails</c> (spec §4.3): <c>TrailInfo</c>s ordered by name, <see cref="PageSize"/> a
/// page. The NextToken is <c>base64url("v1:" + last name returned)</c>; pages continue strictly
/// after that name, so they stay correct while trails are added or deleted.
/// </summary>
internal sealed class ListTrailsOperation(TrailCatalog catalog, ServiceIdentity identity) : TrailOperation(catalog, identity)
{
    public const int PageSize = 50;
    private const string TokenPrefix = "v1:";

    public override string Name => "ListTrails";

    public override bool ReadOnly => true;

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = JsonInput.String(request, "NextToken", out var token);
        if (error is not null)
        {
            return TrailResult.Fail(error);
        }

        string? after = null;
        if (token is not null && !TryDecode(token, out after))
        {
            return TrailResult.Fail(new ApiError(TrailErrors.InvalidNextToken, "The NextToken is not valid."));
        }

        var trails = Catalog.List();
        var start = 0;
        while (after is not null && start < trails.Count && string.CompareOrdinal(trails[start].Name, after) <= 0)
        {
            start++;
        }

        var end = Math.Min(trails.Count, start + PageSize);
        return TrailResult.Ok(TrailResponses.Object(w =>
        {
            w.WriteStartArray("Trails");
            for (var i = start; i < end; i++)
            {
                w.WriteStartObject();
                w.WriteString("TrailARN", trails[i].TrailArn);
                w.WriteString("Name", trails[i].Name);
                w.WriteString("HomeRegion", trails[i].HomeRegion);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (end < trails.Count)
            {
                w.WriteString("NextToken", Base64Url.EncodeToString(Encoding.UTF8.GetBytes(TokenPrefix + trails[end - 1].Name)));
            }
        }), null);
    }

    private static bool TryDecode(string token, out string? after)
    {
        after = null;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            if (!text.StartsWith(TokenPrefix, StringComparison.Ordinal) || text.Length == TokenPrefix.Length)
            {
                return false;
            }

            after = text[TokenPrefix.Length..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
