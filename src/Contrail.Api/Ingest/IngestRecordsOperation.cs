using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;
using Contrail.Events.Records;

namespace Contrail.Api.Ingest;

/// <summary>
/// Contrail's native ingestion (<c>POST /records</c>): a body exactly as a CloudTrail log file holds
/// it, <c>{"Records":[…]}</c>, optionally gzip-encoded (<c>Content-Encoding: gzip</c> or gzip magic).
/// Each record is validated and completed (<see cref="RecordNormalizer"/>) and answered by its index
/// in <c>successful</c> (with its eventID) or <c>failed</c>; accepted records are durable before the answer.
/// </summary>
internal sealed class IngestRecordsOperation(ServiceIdentity identity) : IApiOperation
{
    /// <summary>Largest request body as sent: 64 MB (a CloudTrail log file is at most 50 MB compressed).</summary>
    public const int MaxRequestBytes = 64 << 20;

    /// <summary>Largest body after gzip decoding: 256 MB.</summary>
    public const int MaxDecodedBytes = 256 << 20;

    public string Name => "IngestRecords";

    public string EventSource => "cloudtrail.amazonaws.com";

    public bool ReadOnly => false;

    public bool Management => false;

    public Task<CallOutcome> InvokeAsync(ApiCall call, CancellationToken ct)
    {
        var (body, decodeError) = Decode(call);
        if (decodeError is not null)
        {
            return Task.FromResult(CallOutcome.Fail(decodeError));
        }

        var (document, parseError) = JsonInput.Parse(body);
        if (parseError is not null)
        {
            return Task.FromResult(CallOutcome.Fail(parseError));
        }

        using (document)
        {
            var error = JsonInput.Array(document!.RootElement, "Records", out var list);
            if (error is not null || list is null)
            {
                return Task.FromResult(CallOutcome.Fail(error ?? ApiError.Serialization("The body must be {\"Records\": [ … ]}, as in a CloudTrail log file.")));
            }

            var count = list.Value.GetArrayLength();
            Action<Utf8JsonWriter> parameters = w =>
            {
                w.WriteStartObject();
                w.WriteNumber("recordCount", count);
                w.WriteEndObject();
            };
            var context = new RecordContext(identity.AccountId, identity.Region, call.ReceivedAt);
            var accepted = new List<NormalizedRecord>(count);
            var failures = new List<(int Index, RecordError Error)>();
            var buffer = new ArrayBufferWriter<byte>(256 + (count * 64));
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("successful");
                var index = 0;
                foreach (var element in list.Value.EnumerateArray())
                {
                    var (record, recordError) = RecordNormalizer.Normalize(element, context);
                    if (record is null)
                    {
                        failures.Add((index++, recordError!));
                        continue;
                    }

                    accepted.Add(record);
                    writer.WriteStartObject();
                    writer.WriteNumber("index", index++);
                    writer.WriteString("eventID", record.EventId);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("failed");
                foreach (var (i, e) in failures)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("index", i);
                    writer.WriteString("errorCode", e.Code);
                    writer.WriteString("errorMessage", e.Message);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            return Task.FromResult(new CallOutcome { Body = buffer.WrittenSpan.ToArray(), Records = accepted, RequestParameters = parameters });
        }
    }

    private static (ReadOnlyMemory<byte>, ApiError?) Decode(ApiCall call)
    {
        var gzipped = string.Equals(call.Headers.ContentEncoding.ToString(), "gzip", StringComparison.OrdinalIgnoreCase)
            || (call.Body.Length >= 2 && call.Body.Span[0] == 0x1f && call.Body.Span[1] == 0x8b);
        if (!gzipped)
        {
            return (call.Body, null);
        }

        try
        {
            using var input = new GZipStream(new MemoryStream(call.Body.ToArray(), writable: false), CompressionMode.Decompress);
            var output = new MemoryStream(call.Body.Length * 8);
            var chunk = new byte[81920];
            int read;
            while ((read = input.Read(chunk)) > 0)
            {
                if (output.Length + read > MaxDecodedBytes)
                {
                    return (default, new ApiError(ErrorCodes.RequestEntityTooLarge, $"The decoded body is larger than {MaxDecodedBytes >> 20} MB; send the records in smaller batches.", 413));
                }

                output.Write(chunk, 0, read);
            }

            return (output.GetBuffer().AsMemory(0, (int)output.Length), null);
        }
        catch (InvalidDataException e)
        {
            return (default, ApiError.Serialization($"The body is not valid gzip: {e.Message}"));
        }
    }
}
