using Contrail.Api.Routing;
using Contrail.Api.Rules.Delivery;
using Contrail.Api.Rules.Sigma;
using Contrail.Api.Service;
using Microsoft.Extensions.DependencyInjection;

namespace Contrail.Api.Rules;

/// <summary>Registers the EventBridge rules subset: the rule catalog and its operations (docs/dev/rules.md).</summary>
internal static class RulesServices
{
    /// <summary>The <c>X-Amz-Target</c> prefix of EventBridge (botocore <c>events</c> 2015-10-07, <c>targetPrefix</c>).</summary>
    public const string TargetPrefix = "AWSEvents";

    /// <summary>The SigV4 credential-scope service of EventBridge.</summary>
    public const string SigningService = "events";

    private static readonly Type[] OperationTypes =
    [
        typeof(PutRuleOperation), typeof(DescribeRuleOperation), typeof(ListRulesOperation), typeof(DeleteRuleOperation),
        typeof(PutTargetsOperation), typeof(ListTargetsByRuleOperation), typeof(RemoveTargetsOperation), typeof(TestEventPatternOperation),
    ];

    /// <summary>The catalog, the operations, and the dispatcher and journal consumer (hosted: the dispatcher registered first, so it stops last).</summary>
    public static IServiceCollection AddRules(this IServiceCollection services)
    {
        services.AddSingleton<RuleCatalog>();
        services.AddSingleton<SigmaRules>();
        services.AddSingleton<RuleDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<RuleDispatcher>());
        services.AddSingleton<RuleConsumer>();
        services.AddHostedService(sp => sp.GetRequiredService<RuleConsumer>());
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

        var catalog = services.GetRequiredService<RuleCatalog>();
        var identity = services.GetRequiredService<ServiceIdentity>();
        yield return new SetRuleStateOperation(catalog, identity, enable: true);
        yield return new SetRuleStateOperation(catalog, identity, enable: false);
    }
}
