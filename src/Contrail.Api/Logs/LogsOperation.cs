using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.Logs;

/// <summary>
/// What every CloudWatch Logs operation shares (AWS JSON 1.1, target prefix <c>Logs_20140328</c>,
/// SigV4 service <c>logs</c>): the body, the self-audit record's <c>requestParameters</c> (the request;
/// its members are camelCase already) and <c>resources</c> (the log group the call names).
/// </summary>
internal abstract class LogsOperation(ServiceIdentity identity) : IApiOperation
{
    public const string Source = "logs.amazonaws.com";
    public const string LogGroupResourceType = "AWS::Logs::LogGroup";

    public abstract string Name { get; }

    public string EventSource => Source;

    public virtual bool ReadOnly => false;

    public bool Management => true;

    protected ServiceIdentity Identity => identity;

    public Task<CallOutcome> InvokeAsync(ApiCall call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        var (document, parseError) = JsonInput.Parse(call.Body);
        if (parseError is not null)
        {
            return Task.FromResult(CallOutcome.Fail(parseError));
        }

        using (document)
        {
            var snapshot = document!.RootElement.Clone();
            Action<Utf8JsonWriter> parameters = snapshot.WriteTo;
            var (body, error, logGroup) = Execute(snapshot, call);
            return Task.FromResult(new CallOutcome
            {
                Error = error,
                Body = error is null ? body : null,
                RequestParameters = parameters,
                Resources = logGroup is null ? [] : [(LogGroupResourceType, $"arn:aws:logs:{identity.Region}:{identity.AccountId}:log-group:{logGroup}")],
            });
        }
    }

    /// <summary>Runs the operation: the answer's body or an error, and the log group the call names (for the audit record), if any.</summary>
    protected abstract (byte[]? Body, ApiError? Error, string? LogGroup) Execute(JsonElement request, ApiCall call);

    /// <summary>Writes a JSON answer.</summary>
    protected static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }
}
