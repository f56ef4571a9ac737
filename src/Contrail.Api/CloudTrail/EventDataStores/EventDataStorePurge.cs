using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.CloudTrail.EventDataStores;

/// <summary>
/// Drops event data stores whose <see cref="EventDataStoreCatalog.PendingDeletionPeriod"/> has passed:
/// once at start, then every <see cref="Interval"/> of the injected clock. A failed pass (the catalog
/// file could not be written, or a <see cref="EventDataStoreCatalog.Purged"/> handler threw) is logged and
/// tried again at the next pass; the store stays pending deletion until then.
/// </summary>
internal sealed partial class EventDataStorePurge(EventDataStoreCatalog catalog, TimeProvider time, ILogger<EventDataStorePurge> logger) : BackgroundService
{
    /// <summary>Time between passes: stores go at most this long after their seven days.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var store in catalog.PurgeExpired())
                {
                    Purged(logger, store.EventDataStoreArn, store.Name);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                PurgeFailed(logger, e);
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "Event data store {Arn} ({Name}) was pending deletion for seven days and is dropped.")]
    private static partial void Purged(ILogger logger, string arn, string name);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Error, Message = "Dropping expired event data stores failed; trying again at the next pass.")]
    private static partial void PurgeFailed(ILogger logger, Exception exception);
}
