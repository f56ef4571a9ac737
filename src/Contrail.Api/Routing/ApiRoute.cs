using Contrail.Api.Protocol;

namespace Contrail.Api.Routing;

/// <summary>Where a request goes: its operation (or why none), its wire protocol and body limit.</summary>
/// <param name="ReadOnly">The audit record's <c>readOnly</c> when no operation takes the call (a refused S3 write is not).</param>
/// <param name="Management">The audit record's <c>managementEvent</c> when no operation takes the call (a refused S3 object write is a data event).</param>
/// <param name="SigningServices">The SigV4 credential-scope services accepted here; null for the verifier's own set.</param>
internal sealed record ApiRoute(
    WireProtocol Protocol,
    IApiOperation? Operation,
    string AuditName,
    string DefaultEventSource,
    int MaxBodyBytes,
    ApiError? RoutingError,
    bool ReadOnly = false,
    bool Management = true,
    IReadOnlySet<string>? SigningServices = null);
