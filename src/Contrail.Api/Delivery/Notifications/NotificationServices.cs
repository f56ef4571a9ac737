using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Contrail.Api.Delivery.Notifications;

/// <summary>Registers delivery notifications: the notifier delivery calls, the background sender and the status board.</summary>
internal static class NotificationServices
{
    /// <summary>
    /// Register before <see cref="TrailDelivery"/>'s hosted service: hosted services stop in reverse
    /// order, so the sender outlives delivery's final pass and can still send its notification.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.TryAddSingleton(NotificationPolicy.Default);
        services.AddSingleton<NotificationStatusBoard>();
        services.AddSingleton<NotificationSender>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationSender>());
        services.AddSingleton<LogFileNotifier>();
        return services;
    }
}
