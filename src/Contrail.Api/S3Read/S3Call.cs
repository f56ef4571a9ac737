using Contrail.Api.Routing;
using Contrail.Delivery.Objects;

namespace Contrail.Api.S3Read;

/// <summary>An <see cref="S3Operation"/> bound to the address of one request, as the pipeline runs operations.</summary>
internal sealed class S3Call(S3Operation operation, S3Address address) : IApiOperation
{
    public string Name => operation.Name;

    public string EventSource => S3Router.EventSource;

    public bool ReadOnly => true;

    public bool Management => operation.Management;

    public async Task<CallOutcome> InvokeAsync(ApiCall call, CancellationToken ct)
    {
        try
        {
            return await operation.InvokeAsync(address, call, ct).ConfigureAwait(false);
        }
        catch (ObjectStoreException e)
        {
            // An S3-compatible store behind Contrail failed; its code is safe to show (it holds no secret).
            return S3Outcomes.Fail(S3Errors.StoreFailed(e.ErrorCode), address, call);
        }
    }
}
