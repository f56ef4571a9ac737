using Contrail.Api.CloudWatch.Alarms;
using Contrail.Api.Monitoring;
using Contrail.Api.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Contrail.Api.CloudWatch;

/// <summary>Registers the CloudWatch subset: the alarm catalog, its operations and the evaluator loop.</summary>
internal static class CloudWatchServices
{
    /// <summary>The <c>X-Amz-Target</c> prefix of CloudWatch's AWS JSON 1.0 protocol (botocore <c>cloudwatch</c> 2010-08-01, <c>targetPrefix</c>).</summary>
    public const string TargetPrefix = "GraniteServiceVersion20100801";

    /// <summary>The SigV4 credential-scope service of CloudWatch.</summary>
    public const string SigningService = "monitoring";

    private static readonly Type[] OperationTypes =
    [
        typeof(PutMetricAlarmOperation), typeof(DescribeAlarmsOperation), typeof(DeleteAlarmsOperation), typeof(DescribeAlarmHistoryOperation),
        typeof(SetAlarmStateOperation), typeof(EnableAlarmActionsOperation), typeof(DisableAlarmActionsOperation),
    ];

    public static IServiceCollection AddCloudWatch(this IServiceCollection services)
    {
        services.AddSingleton<AlarmCatalog>();
        foreach (var type in OperationTypes)
        {
            services.AddSingleton(type);
        }

        services.AddSingleton<AlarmEvaluationService>();
        services.AddHostedService(sp => sp.GetRequiredService<AlarmEvaluationService>());
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
