using Contrail.Api.Logs.LogGroups;
using Contrail.Api.Logs.MetricFilters;
using Contrail.Api.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Contrail.Api.Logs;

/// <summary>Registers the CloudWatch Logs subset: log groups (from trails), the metric filter catalog and its four operations.</summary>
internal static class LogsServices
{
    /// <summary>The <c>X-Amz-Target</c> prefix of CloudWatch Logs (botocore <c>logs</c> 2014-03-28, <c>targetPrefix</c>).</summary>
    public const string TargetPrefix = "Logs_20140328";

    /// <summary>The SigV4 credential-scope service of CloudWatch Logs.</summary>
    public const string SigningService = "logs";

    private static readonly Type[] OperationTypes =
    [
        typeof(PutMetricFilterOperation), typeof(DescribeMetricFiltersOperation), typeof(DeleteMetricFilterOperation), typeof(TestMetricFilterOperation),
    ];

    public static IServiceCollection AddLogs(this IServiceCollection services)
    {
        services.AddSingleton<LogGroupDirectory>();
        services.AddSingleton<MetricFilterCatalog>();
        foreach (var type in OperationTypes)
        {
            services.AddSingleton(type);
        }

        return services;
    }

    /// <summary>The operations, for the router's <see cref="TargetPrefix"/> targets.</summary>
    public static IEnumerable<IApiOperation> Operations(IServiceProvider services)
    {
        foreach (var type in OperationTypes)
        {
            yield return (IApiOperation)services.GetRequiredService(type);
        }
    }
}
