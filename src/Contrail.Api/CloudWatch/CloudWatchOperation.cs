using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudWatch;

/// <summary>
/// What every CloudWatch operation shares (AWS JSON 1.0, target prefix <c>GraniteServiceVersion20100801</c>,
/// SigV4 service <c>monitoring</c>): the body, the self-audit record's <c>requestParameters</c> (the request,
/// members camelCased as CloudTrail writes CloudWatch's) and <c>resources</c> (the alarms the call names).
/// </summary>
internal abstract class CloudWatchOperation(ServiceIdentity identity) : IApiOperation
{
    public const string Source = "monitoring.amazonaws.com";
    public const string AlarmResourceType = "AWS::CloudWatch::Alarm";

    public abstract string Name { get; }

    public string EventSource => Source;

    public virtual bool ReadOnly => false;

    public bool Management => true;

    protected ServiceIdentity Identity => identity;

    /// <summary>An alarm's ARN: <c>arn:aws:cloudwatch:REGION:ACCOUNT:alarm:NAME</c>.</summary>
    public static string AlarmArn(ServiceIdentity identity, string name)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return $"arn:aws:cloudwatch:{identity.Region}:{identity.AccountId}:alarm:{name}";
    }

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
            var (body, error, alarms) = Execute(snapshot, call);
            return Task.FromResult(new CallOutcome
            {
                Error = error,
                Body = error is null ? body : null,
                RequestParameters = w => JsonInput.WriteCamelCased(w, snapshot),
                Resources = [.. alarms.Select(a => (AlarmResourceType, AlarmArn(identity, a)))],
            });
        }
    }

    /// <summary>Runs the operation: the answer's body or an error, and the alarms the call names (for the audit record).</summary>
    protected abstract (byte[]? Body, ApiError? Error, IReadOnlyList<string> Alarms) Execute(JsonElement request, ApiCall call);

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
