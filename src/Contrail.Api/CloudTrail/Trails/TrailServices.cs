using Contrail.Api.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Contrail.Api.CloudTrail.Trails;

/// <summary>Registers the trail control plane: the catalog and its sixteen operations.</summary>
internal static class TrailServices
{
    private static readonly Type[] OperationTypes =
    [
        typeof(CreateTrailOperation), typeof(GetTrailOperation), typeof(DescribeTrailsOperation), typeof(ListTrailsOperation),
        typeof(UpdateTrailOperation), typeof(DeleteTrailOperation), typeof(GetTrailStatusOperation), typeof(StartLoggingOperation),
        typeof(StopLoggingOperation), typeof(PutEventSelectorsOperation), typeof(GetEventSelectorsOperation),
        typeof(AddTagsOperation), typeof(RemoveTagsOperation), typeof(ListTagsOperation),
        typeof(PutInsightSelectorsOperation), typeof(GetInsightSelectorsOperation),
    ];

    public static IServiceCollection AddTrails(this IServiceCollection services)
    {
        services.AddSingleton<TrailCatalog>();
        services.AddSingleton<CreateTrailOperation>();
        services.AddSingleton<GetTrailOperation>();
        services.AddSingleton<DescribeTrailsOperation>();
        services.AddSingleton<ListTrailsOperation>();
        services.AddSingleton<UpdateTrailOperation>();
        services.AddSingleton<DeleteTrailOperation>();
        services.AddSingleton<GetTrailStatusOperation>();
        services.AddSingleton<StartLoggingOperation>();
        services.AddSingleton<StopLoggingOperation>();
        services.AddSingleton<PutEventSelectorsOperation>();
        services.AddSingleton<GetEventSelectorsOperation>();
        services.AddSingleton<AddTagsOperation>();
        services.AddSingleton<RemoveTagsOperation>();
        services.AddSingleton<ListTagsOperation>();
        services.AddSingleton<PutInsightSelectorsOperation>();
        services.AddSingleton<GetInsightSelectorsOperation>();
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
