using Contrail.Api.Routing;
using Contrail.Api.Service;
using Contrail.Store.Lake;
using Microsoft.Extensions.DependencyInjection;

namespace Contrail.Api.Lake;

/// <summary>Registers the Lake's data plane: the engine under <c>DATA_DIR/lake</c>, its ingestion from the journal, and the query operations.</summary>
internal static class LakeServices
{
    private static readonly Type[] OperationTypes =
    [
        typeof(StartQueryOperation), typeof(DescribeQueryOperation), typeof(GetQueryResultsOperation), typeof(CancelQueryOperation), typeof(ListQueriesOperation),
    ];

    public static IServiceCollection AddLake(this IServiceCollection services)
    {
        // Made by the container so that it closes the database at shutdown.
        services.AddSingleton(sp => LakeEngine.Open(new LakeEngineOptions { Directory = Path.Combine(sp.GetRequiredService<ContrailSettings>().DataDirectory, "lake") },
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<LakeQueries>();
        services.AddSingleton<LakeIngestConsumer>();
        services.AddHostedService(sp => sp.GetRequiredService<LakeIngestConsumer>());
        foreach (var type in OperationTypes)
        {
            services.AddSingleton(type);
        }

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
