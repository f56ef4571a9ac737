using Contrail.Api.Routing;

namespace Contrail.Api.S3Read;

/// <summary>One read of the S3 subset; the router binds it to the bucket and key of a request (<see cref="S3Call"/>).</summary>
internal abstract class S3Operation
{
    /// <summary>The S3 operation name, the audit record's <c>eventName</c>.</summary>
    public abstract string Name { get; }

    /// <summary>False for data events (object reads and listings), true for bucket-level management events.</summary>
    public abstract bool Management { get; }

    public abstract Task<CallOutcome> InvokeAsync(S3Address address, ApiCall call, CancellationToken ct);
}
