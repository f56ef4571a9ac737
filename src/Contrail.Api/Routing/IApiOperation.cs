namespace Contrail.Api.Routing;

/// <summary>One operation of the wire API.</summary>
internal interface IApiOperation
{
    /// <summary>The operation name, as in the service model (e.g. <c>LookupEvents</c>).</summary>
    string Name { get; }

    /// <summary>The audit record's <c>eventSource</c>.</summary>
    string EventSource { get; }

    /// <summary>The audit record's <c>readOnly</c>.</summary>
    bool ReadOnly { get; }

    /// <summary>True for management events (in event history); false for data events.</summary>
    bool Management { get; }

    Task<CallOutcome> InvokeAsync(ApiCall call, CancellationToken ct);
}
