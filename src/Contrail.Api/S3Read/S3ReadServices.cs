using Contrail.Api.S3Read.Buckets;
using Contrail.Api.S3Read.Objects;
using Microsoft.Extensions.DependencyInjection;

namespace Contrail.Api.S3Read;

/// <summary>Registers the read-only S3 subset over whichever <c>IObjectStore</c> is registered.</summary>
internal static class S3ReadServices
{
    public static IServiceCollection AddS3Read(this IServiceCollection services)
    {
        services.AddSingleton<ObjectETags>();
        services.AddSingleton<GetObjectOperation>();
        services.AddSingleton<HeadObjectOperation>();
        services.AddSingleton<ListObjectsOperation>();
        services.AddSingleton<ListObjectsV2Operation>();
        services.AddSingleton<GetBucketLocationOperation>();
        services.AddSingleton<HeadBucketOperation>();
        services.AddSingleton<S3Router>();
        return services;
    }
}
