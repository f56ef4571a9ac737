using System.Buffers;
using System.Text.Json;
using Contrail.Api.Auth;
using Contrail.Api.Service;
using Contrail.Events.Records;

namespace Contrail.Api.Audit;

/// <summary>
/// Builds the record of one call to Contrail's own API, allowed or refused, as CloudTrail records
/// its own API (spec §1.4): the caller's identity, where from, what was asked, and how it ended.
/// </summary>
internal sealed class AuditRecordBuilder(ServiceIdentity identity)
{
    /// <summary>What is known of one call when it is recorded.</summary>
    internal sealed record CallFacts(
        string Operation,
        string EventSource,
        bool ReadOnly,
        bool Management,
        string RequestId,
        DateTimeOffset Time,
        string SourceIp,
        string? UserAgent,
        Principal? Principal,
        string? ClaimedAccessKeyId,
        string? ErrorCode,
        string? ErrorMessage,
        Action<Utf8JsonWriter>? RequestParameters,
        IReadOnlyList<(string Type, string Arn)> Resources);

    public NormalizedRecord Build(CallFacts call)
    {
        var eventId = EventIds.NewId(call.Time);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, RecordNormalizer.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("eventVersion", RecordLimits.CurrentEventVersion);
            WriteIdentity(writer, call);
            writer.WriteString("eventTime", EventTime.Format(call.Time));
            writer.WriteString("eventSource", call.EventSource);
            writer.WriteString("eventName", call.Operation);
            writer.WriteString("awsRegion", identity.Region);
            writer.WriteString("sourceIPAddress", call.SourceIp);
            if (call.UserAgent is { Length: > 0 } agent)
            {
                writer.WriteString("userAgent", RecordLimits.TruncateShortField(agent) ?? agent);
            }

            if (call.ErrorCode is not null)
            {
                writer.WriteString("errorCode", call.ErrorCode);
                var message = call.ErrorMessage ?? "";
                writer.WriteString("errorMessage", RecordLimits.TruncateShortField(message) ?? message);
            }

            writer.WritePropertyName("requestParameters");
            if (call.RequestParameters is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                call.RequestParameters(writer);
            }

            writer.WriteNull("responseElements");
            writer.WriteString("requestID", call.RequestId);
            writer.WriteString("eventID", eventId);
            writer.WriteBoolean("readOnly", call.ReadOnly);
            if (call.Resources.Count > 0)
            {
                writer.WriteStartArray("resources");
                foreach (var (type, arn) in call.Resources)
                {
                    writer.WriteStartObject();
                    writer.WriteString("accountId", identity.AccountId);
                    writer.WriteString("type", type);
                    writer.WriteString("ARN", arn);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteString("eventType", "AwsApiCall");
            writer.WriteBoolean("managementEvent", call.Management);
            writer.WriteString("recipientAccountId", identity.AccountId);
            writer.WriteString("eventCategory", call.Management ? "Management" : "Data");
            writer.WriteEndObject();
        }

        return new NormalizedRecord(eventId, buffer.WrittenSpan.ToArray(), IdAssigned: true);
    }

    private void WriteIdentity(Utf8JsonWriter writer, CallFacts call)
    {
        writer.WriteStartObject("userIdentity");
        if (call.Principal is { } principal)
        {
            writer.WriteString("type", principal.Type);
            writer.WriteString("principalId", principal.PrincipalId);
            writer.WriteString("arn", principal.Arn);
            writer.WriteString("accountId", principal.AccountId);
            writer.WriteString("accessKeyId", principal.AccessKeyId);
            if (principal.UserName is not null)
            {
                writer.WriteString("userName", principal.UserName);
            }
        }
        else
        {
            // A refused call whose credentials are unknown: only what the request claimed.
            writer.WriteString("type", "Unknown");
            writer.WriteString("accountId", identity.AccountId);
            if (call.ClaimedAccessKeyId is not null)
            {
                writer.WriteString("accessKeyId", call.ClaimedAccessKeyId);
            }
        }

        writer.WriteEndObject();
    }
}
