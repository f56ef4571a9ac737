using Contrail.Api.Protocol;

namespace Contrail.Api.Routing;

/// <summary>Where a request goes: its operation (or why none), its wire protocol and body limit.</summary>
internal sealed record ApiRoute(
    WireProtocol Protocol,
    IApiOperation? Operation,
    string AuditName,
    string DefaultEventSource,
    int MaxBodyBytes,
    ApiError? RoutingError);
