using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.Rules;

/// <summary>
/// What every EventBridge rule operation shares (AWS JSON 1.1, target prefix <c>AWSEvents</c>, SigV4
/// service <c>events</c>): the body, the self-audit record's <c>requestParameters</c> (the request, its
/// members camelCased) and <c>resources</c> (the rule the call names).
/// </summary>
internal abstract class RulesOperation(ServiceIdentity identity) : IApiOperation
{
    public const string Source = "events.amazonaws.com";
    public const string RuleResourceType = "AWS::Events::Rule";

    public abstract string Name { get; }

    public string EventSource => Source;

    public virtual bool ReadOnly => false;

    public bool Management => true;

    protected ServiceIdentity Identity => identity;

    /// <summary>The ARN of a rule on the default bus.</summary>
    public static string RuleArn(ServiceIdentity identity, string name)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return $"arn:aws:events:{identity.Region}:{identity.AccountId}:rule/{name}";
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
            Action<Utf8JsonWriter> parameters = w => JsonInput.WriteCamelCased(w, snapshot);
            var (body, error, rule) = Execute(snapshot, call);
            return Task.FromResult(new CallOutcome
            {
                Error = error,
                Body = error is null ? body : null,
                RequestParameters = parameters,
                Resources = rule is null ? [] : [(RuleResourceType, RuleArn(identity, rule))],
            });
        }
    }

    /// <summary>Runs the operation: the answer's body or an error, and the rule the call names (for the audit record), if any.</summary>
    protected abstract (byte[]? Body, ApiError? Error, string? Rule) Execute(JsonElement request, ApiCall call);

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
