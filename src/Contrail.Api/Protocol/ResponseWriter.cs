using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Contrail.Api.Protocol;

/// <summary>Writes answers in the shape each wire protocol's clients parse (botocore's JSON, REST-JSON and REST-XML parsers).</summary>
internal static class ResponseWriter
{
    public static async Task WriteAsync(HttpContext http, WireProtocol protocol, string requestId, int status, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        var response = http.Response;
        response.StatusCode = status;
        response.ContentType = protocol switch
        {
            WireProtocol.AwsJson11 => "application/x-amz-json-1.1",
            WireProtocol.AwsJson10 => "application/x-amz-json-1.0",
            _ => "application/json",
        };
        response.Headers["x-amzn-RequestId"] = requestId;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, ct).ConfigureAwait(false);
    }

    /// <summary>Writes a REST-XML answer; a HEAD request gets the headers (and <c>Content-Length</c>) only.</summary>
    public static async Task WriteReplyAsync(HttpContext http, string requestId, RestReply reply, CancellationToken ct)
    {
        var response = http.Response;
        response.StatusCode = reply.Status;
        response.ContentType = reply.ContentType;
        response.Headers["x-amz-request-id"] = requestId;
        foreach (var (name, value) in reply.Headers)
        {
            response.Headers.Append(name, value);
        }

        response.ContentLength = reply.ContentLength ?? reply.Body.Length;
        if (!HttpMethods.IsHead(http.Request.Method) && !reply.Body.IsEmpty)
        {
            await response.Body.WriteAsync(reply.Body, ct).ConfigureAwait(false);
        }
    }

    public static Task WriteErrorAsync(HttpContext http, WireProtocol protocol, string requestId, ApiError error, CancellationToken ct)
    {
        if (protocol == WireProtocol.RestXml)
        {
            // S3 answers a failed HEAD with the status alone.
            var body = HttpMethods.IsHead(http.Request.Method) ? ReadOnlyMemory<byte>.Empty : XmlErrorBody(error, requestId);
            return WriteReplyAsync(http, requestId, new RestReply(error.Status, "application/xml", body), ct);
        }

        if (protocol == WireProtocol.RestJson)
        {
            http.Response.Headers["X-Amzn-ErrorType"] = error.Code;
        }
        else if (protocol == WireProtocol.AwsJson10)
        {
            http.Response.Headers["x-amzn-query-error"] = $"{error.Code};{(error.Status >= 500 ? "Receiver" : "Sender")}";
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

    /// <summary>S3's error document: <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;</c>, the error's details, <c>&lt;RequestId/&gt;</c>.</summary>
    public static byte[] XmlErrorBody(ApiError error, string requestId)
    {
        var xml = new StringBuilder(192 + error.Message.Length)
            .Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>")
            .AppendElement("Code", error.Code)
            .AppendElement("Message", error.Message);
        foreach (var (name, value) in error.Details)
        {
            xml.AppendElement(name, value);
        }

        xml.AppendElement("RequestId", requestId).Append("</Error>");
        return Encoding.UTF8.GetBytes(xml.ToString());
    }
}
