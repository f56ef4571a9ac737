using Contrail.Api.Auth;
using Contrail.Api.Protocol;
using Microsoft.AspNetCore.Http;

namespace Contrail.Api.Routing;

/// <summary>One authenticated call, as the operations see it.</summary>
internal sealed class ApiCall
{
    public required string RequestId { get; init; }

    public required string Operation { get; init; }

    public required WireProtocol Protocol { get; init; }

    public required ReadOnlyMemory<byte> Body { get; init; }

    public required IQueryCollection Query { get; init; }

    public required IHeaderDictionary Headers { get; init; }

    public required Principal Principal { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
}
