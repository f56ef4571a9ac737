using System.Text.Json;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;

namespace Contrail.Api.CloudTrail;

/// <summary>
/// What the CloudTrail control-plane operations (trails, event data stores, channels, queries) share:
/// the JSON 1.1 body, the self-audit record's <c>requestParameters</c> (the request, camelCased) and
/// <c>resources</c> (the resource the call decided on, of type <paramref name="resourceType"/>).
/// </summary>
internal abstract class CloudTrailOperation(string resourceType) : IApiOperation
{
    public abstract string Name { get; }

    public string EventSource => "cloudtrail.amazonaws.com";

    public virtual bool ReadOnly => false;

    public bool Management => true;

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
            Action<Utf8JsonWriter> parameters = w => JsonInput.WriteCamelCased(w, snapshot);
            var result = Execute(snapshot, call);
            return Task.FromResult(new CallOutcome
            {
                Error = result.Error,
                Body = result.Error is null ? result.Body : null,
                RequestParameters = parameters,
                Resources = result.TrailArn is null ? [] : [(resourceType, result.TrailArn)],
            });
        }
    }

    /// <summary>Decides the call; <see cref="TrailResult.TrailArn"/> carries the resource's ARN for the audit record.</summary>
    protected abstract TrailResult Execute(JsonElement request, ApiCall call);
}
