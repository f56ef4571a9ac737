using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Events.Records;

namespace Contrail.Api.Routing;

/// <summary>
/// What an operation decided: the answer (a body or an error), the records it accepted (journaled
/// with the call's own audit record before anyone is answered), and what the audit record says.
/// </summary>
internal sealed class CallOutcome
{
    public ApiError? Error { get; init; }

    public byte[]? Body { get; init; }

    /// <summary>A REST-XML answer (S3): status, headers and body as the operation made them; <see cref="Body"/> is then unused.</summary>
    public RestReply? Reply { get; init; }

    public IReadOnlyList<NormalizedRecord> Records { get; init; } = [];

    /// <summary>Writes the audit record's <c>requestParameters</c> object; null writes JSON null.</summary>
    public Action<Utf8JsonWriter>? RequestParameters { get; init; }

    /// <summary>Resources the call touched: <c>(type, ARN)</c>.</summary>
    public IReadOnlyList<(string Type, string Arn)> Resources { get; init; } = [];

    public static CallOutcome Fail(ApiError error, Action<Utf8JsonWriter>? requestParameters = null) =>
        new() { Error = error, RequestParameters = requestParameters };
}
