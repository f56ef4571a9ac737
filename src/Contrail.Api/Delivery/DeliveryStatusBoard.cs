using System.Collections.Concurrent;
using Contrail.Api.Service;

namespace Contrail.Api.Delivery;

/// <summary>The Latest* delivery members of GetTrailStatus, by trail name: kept by <see cref="TrailDelivery"/>, read by the API.</summary>
internal sealed class DeliveryStatusBoard(ContrailSettings settings)
{
    private readonly ConcurrentDictionary<string, DeliveryState> _states = new(StringComparer.Ordinal);

    public void Set(string trailName, DeliveryState state) => _states[trailName] = state;

    public void Remove(string trailName) => _states.TryRemove(trailName, out _);

    /// <summary>The last known state: in memory, else the trail's state file (a stopped trail after a restart), else null.</summary>
    public DeliveryState? Get(string trailName)
    {
        if (_states.TryGetValue(trailName, out var state))
        {
            return state;
        }

        try
        {
            return DeliveryState.Load(settings.DataDirectory, trailName);
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
