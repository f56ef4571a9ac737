using Contrail.Api.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>Registers the Lake control plane: the catalog, its purge, and the event data store operations.</summary>
internal static class EventDataStoreServices
{
    private static readonly Type[] OperationTypes =
    [
        typeof(CreateEventDataStoreOperation), typeof(GetEventDataStoreOperation), typeof(UpdateEventDataStoreOperation),
        typeof(DeleteEventDataStoreOperation), typeof(RestoreEventDataStoreOperation), typeof(ListEventDataStoresOperation),
        typeof(StartEventDataStoreIngestionOperation), typeof(StopEventDataStoreIngestionOperation),
    ];

    public static IServiceCollection AddEventDataStores(this IServiceCollection services)
    {
        services.AddSingleton<EventDataStoreCatalog>();
        foreach (var type in OperationTypes)
        {
            services.AddSingleton(type);
        }

        // A hosted service, so the catalog is loaded (and a damaged file stops the start) before the first call.
        services.AddSingleton<EventDataStorePurge>();
        services.AddHostedService(sp => sp.GetRequiredService<EventDataStorePurge>());
        return services;
    }

    /// <summary>The operations, for the router's AWS JSON 1.1 targets.</summary>
    public static IEnumerable<IApiOperation> Operations(IServiceProvider services)
    {
        foreach (var type in OperationTypes)
        {
            yield return (IApiOperation)services.GetRequiredService(type);
        }
    }
}
