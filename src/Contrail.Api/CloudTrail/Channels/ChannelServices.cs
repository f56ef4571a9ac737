using Contrail.Api.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Contrail.Api.CloudTrail.Channels;

/// <summary>Registers the channel operations and the ingestion status board (the channels live in the Lake catalog).</summary>
internal static class ChannelServices
{
    private static readonly Type[] OperationTypes =
    [
        typeof(CreateChannelOperation), typeof(GetChannelOperation), typeof(ListChannelsOperation),
        typeof(UpdateChannelOperation), typeof(DeleteChannelOperation),
    ];

    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        services.AddSingleton<ChannelIngestionBoard>();
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
