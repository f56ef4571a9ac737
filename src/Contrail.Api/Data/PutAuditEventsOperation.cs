using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Contrail.Api.Channels;
using Contrail.Api.CloudTrail.Channels;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;
using Contrail.Events.Activity;
using Contrail.Events.Records;

namespace Contrail.Api.Data;

/// <summary>
/// <c>PutAuditEvents</c> of the CloudTrail Data API (REST-JSON, spec §5): 1 to 100 events and at
/// most 1 MB per call, each answered in <c>successful</c> (with its CloudTrail eventID) or
/// <c>failed</c> (with a per-event error code). Accepted events are durable before the answer. Each call
/// is recorded on <see cref="ChannelIngestionBoard"/> for GetChannel's <c>IngestionStatus</c>.
/// </summary>
internal sealed partial class PutAuditEventsOperation(ChannelDirectory channels, ServiceIdentity identity, ChannelIngestionBoard ingestion) : IApiOperation
{
    /// <summary>Largest request body: 1 MB.</summary>
    public const int MaxRequestBytes = 1024 * 1024;

    public const int MaxEvents = 100;

    public string Name => "PutAuditEvents";

    public string EventSource => "cloudtrail-data.amazonaws.com";

    public bool ReadOnly => false;

    public bool Management => false;

    [GeneratedRegex(@"^[-_A-Za-z0-9]+$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[\w+=,.@:\/-]*$")]
    private static partial Regex ExternalIdPattern();

    public Task<CallOutcome> InvokeAsync(ApiCall call, CancellationToken ct) => Task.FromResult(Invoke(call));

    private CallOutcome Invoke(ApiCall call)
    {
        var channelArn = call.Query["channelArn"].ToString();
        var externalId = call.Query["externalId"].ToString();
        Action<Utf8JsonWriter> parameters = w =>
        {
            w.WriteStartObject();
            w.WriteString("channelArn", channelArn);
            if (externalId.Length > 0)
            {
                w.WriteString("externalId", externalId);
            }

            w.WriteEndObject();
        };

        if (channelArn.Length == 0)
        {
            return CallOutcome.Fail(new ApiError(ErrorCodes.InvalidChannelArn, "The channelArn query parameter is required."), parameters);
        }

        var resolved = channels.Resolve(channelArn);
        if (resolved is null)
        {
            return CallOutcome.Fail(channelArn.StartsWith("arn:", StringComparison.Ordinal) || channelArn == "default" || Guid.TryParse(channelArn, out _)
                ? new ApiError(ErrorCodes.ChannelNotFound, $"The channel {Clip(channelArn)} was not found.")
                : new ApiError(ErrorCodes.InvalidChannelArn, $"The channel ARN {Clip(channelArn)} is not valid."), parameters);
        }

        var resources = new[] { ("AWS::CloudTrail::Channel", resolved) };
        if (externalId.Length > 0 && (externalId.Length is < 2 or > 1224 || !ExternalIdPattern().IsMatch(externalId)))
        {
            return new CallOutcome
            {
                Error = ApiError.Validation("externalId must be 2 to 1224 characters of letters, digits and +=,.@:/-_."),
                RequestParameters = parameters,
                Resources = resources,
            };
        }

        if (call.Body.Length > MaxRequestBytes)
        {
            return new CallOutcome { Error = ApiError.Validation("The request is larger than 1 MB."), RequestParameters = parameters, Resources = resources };
        }

        var (document, parseError) = JsonInput.Parse(call.Body);
        if (parseError is not null)
        {
            return new CallOutcome { Error = parseError, RequestParameters = parameters, Resources = resources };
        }

        using (document)
        {
            var (entries, entriesError) = ReadEntries(document!.RootElement);
            if (entriesError is not null)
            {
                return new CallOutcome { Error = entriesError, RequestParameters = parameters, Resources = resources };
            }

            var context = new RecordContext(identity.AccountId, identity.Region, call.ReceivedAt);
            var accepted = new List<NormalizedRecord>(entries!.Count);
            var buffer = new ArrayBufferWriter<byte>(256 + (entries.Count * 96));
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("successful");
                var failures = new List<(string Id, RecordError Error)>();
                foreach (var (id, eventData, checksum) in entries)
                {
                    var (record, error) = ActivityRecordBuilder.Build(eventData, checksum, resolved, context);
                    if (record is null)
                    {
                        failures.Add((id, error!));
                        continue;
                    }

                    accepted.Add(record);
                    writer.WriteStartObject();
                    writer.WriteString("id", id);
                    writer.WriteString("eventID", record.EventId);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("failed");
                foreach (var (id, error) in failures)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", id);
                    writer.WriteString("errorCode", error.Code);
                    writer.WriteString("errorMessage", error.Message);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                ingestion.Record(resolved, call.ReceivedAt, accepted.Count > 0 ? accepted[^1].EventId : null, failures.Count > 0 ? failures[^1].Error.Code : null);
            }

            return new CallOutcome
            {
                Body = buffer.WrittenSpan.ToArray(),
                Records = accepted,
                RequestParameters = parameters,
                Resources = resources,
            };
        }
    }

    private static (List<(string Id, string EventData, string? Checksum)>?, ApiError?) ReadEntries(JsonElement root)
    {
        var error = JsonInput.Array(root, "auditEvents", out var list);
        if (error is not null)
        {
            return (null, error);
        }

        if (list is not { } items || items.GetArrayLength() is 0 or > MaxEvents)
        {
            return (null, ApiError.Validation($"auditEvents must hold 1 to {MaxEvents} events; got {(list is { } l ? l.GetArrayLength() : 0)}."));
        }

        var entries = new List<(string, string, string?)>(items.GetArrayLength());
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                return (null, ApiError.Serialization($"auditEvents[{index}] must be an object with id and eventData."));
            }

            var idError = JsonInput.String(item, "id", out var id);
            var dataError = JsonInput.String(item, "eventData", out var eventData);
            var checksumError = JsonInput.String(item, "eventDataChecksum", out var checksum);
            error = idError ?? dataError ?? checksumError;
            if (error is not null)
            {
                return (null, error);
            }

            if (id is null || eventData is null)
            {
                return (null, ApiError.Validation($"auditEvents[{index}] needs both id and eventData."));
            }

            if (id.Length is < 1 or > 128 || !IdPattern().IsMatch(id))
            {
                return (null, ApiError.Validation($"auditEvents[{index}].id must be 1 to 128 characters of letters, digits, '-' and '_'."));
            }

            if (!ids.Add(id))
            {
                return (null, new ApiError(ErrorCodes.DuplicatedAuditEventId, $"The id '{id}' appears more than once in auditEvents."));
            }

            entries.Add((id, eventData, checksum));
        }

        return (entries, null);
    }

    private static string Clip(string text) => text.Length <= 256 ? text : text[..256] + "…";
}
