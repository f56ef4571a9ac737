using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Contrail.Api.Protocol;

/// <summary>Writes answers in the shape each wire protocol's clients parse (botocore's JSON and REST-JSON parsers).</summary>
internal static class ResponseWriter
{
    public static async Task WriteAsync(HttpContext http, WireProtocol protocol, string requestId, int status, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        var response = http.Response;
        response.StatusCode = status;
        response.ContentType = protocol == WireProtocol.AwsJson11 ? "application/x-amz-json-1.1" : "application/json";
        response.Headers["x-amzn-RequestId"] = requestId;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, ct).ConfigureAwait(false);
    }

    public static Task WriteErrorAsync(HttpContext http, WireProtocol protocol, string requestId, ApiError error, CancellationToken ct)
    {
        if (protocol == WireProtocol.RestJson)
        {
            http.Response.Headers["X-Amzn-ErrorType"] = error.Code;
        }

        return WriteAsync(http, protocol, requestId, error.Status, ErrorBody(error), ct);
    }

    public static byte[] ErrorBody(ApiError error)
    {
        using var stream = new MemoryStream(64 + error.Message.Length);
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", error.Code);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
