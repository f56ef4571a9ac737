using System.Text.Json;
using Contrail.Api.CloudTrail.EventDataStores;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudTrail.Channels;

/// <summary>
/// <c>ListChannels</c> (spec §4.10): <c>{ChannelArn, Name}</c> of the created channels ordered by name,
/// <c>MaxResults</c> (1–1000, default <see cref="DefaultPageSize"/>) a page. The built-in default channel is not listed.
/// </summary>
internal sealed class ListChannelsOperation(EventDataStoreCatalog catalog, ServiceIdentity identity) : ChannelOperation(catalog, identity)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public override string Name => "ListChannels";

    public override bool ReadOnly => true;

    protected override TrailResult Execute(JsonElement request, ApiCall call)
    {
        var error = TrailInput.First(JsonInput.String(request, "NextToken", out var token), JsonInput.Integer(request, "MaxResults", out var maxResults));
        error ??= maxResults is < 1 or > MaxPageSize
            ? ApiError.Validation($"1 validation error detected: Value '{maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and {MaxPageSize}")
            : null;
        string? after = null;
        error ??= token is not null && !LakePageToken.TryDecode(token, out after) ? new ApiError(TrailErrors.InvalidNextToken, "The NextToken is not valid.") : null;
        if (error is not null)
        {
            return TrailResult.Fail(error);
        }

        var channels = Catalog.ListChannels();
        var start = LakePageToken.Start(channels, c => c.Name, after);
        var end = Math.Min(channels.Count, start + (maxResults ?? DefaultPageSize));
        return TrailResult.Ok(TrailResponses.Object(w =>
        {
            w.WriteStartArray("Channels");
            for (var i = start; i < end; i++)
            {
                w.WriteStartObject();
                w.WriteString("ChannelArn", channels[i].ChannelArn);
                w.WriteString("Name", channels[i].Name);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (end < channels.Count)
            {
                w.WriteString("NextToken", LakePageToken.Encode(channels[end - 1].Name));
            }
        }), null);
    }
}
