using System.Threading.Channels;
using Contrail.Api.CloudWatch.Alarms;
using Contrail.Api.Rules.Delivery;
using Contrail.Api.Service;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Monitoring;

/// <summary>
/// Sends every alarm state change, as its EventBridge "CloudWatch Alarm State Change" event (the line
/// <see cref="AlarmStateChangeLog"/> writes), to the rules (docs/dev/rules.md), so that rules on
/// <c>"source": ["aws.cloudwatch"]</c> deliver alarms to the same targets as journaled events. The
/// catalog raises the change under its lock; it is queued here and published from this service's loop.
/// At most once: a change not yet published when the process stops is not sent (it stays in
/// <c>alarm-state-changes.jsonl</c> and the alarm's history).
/// </summary>
internal sealed partial class AlarmStateChangeRouter(AlarmCatalog alarms, RuleDispatcher rules, ContrailSettings settings,
    ILogger<AlarmStateChangeRouter> logger) : BackgroundService
{
    private readonly Channel<byte[]> _queue = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>State changes published to the rules so far.</summary>
    public long Published { get; private set; }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        alarms.StateChanged += OnStateChanged;
        return base.StartAsync(cancellationToken);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        alarms.StateChanged -= OnStateChanged;
        _queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var line in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    // The line ends with its newline; the event is the JSON before it.
                    await rules.PublishAsync(line.AsMemory(0, line.Length - 1), stoppingToken).ConfigureAwait(false);
                    Published++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogPublishFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void OnStateChanged(AlarmStateChange change) => _queue.Writer.TryWrite(AlarmStateChangeLog.Line(change, settings.Identity));

    [LoggerMessage(EventId = 6201, Level = LogLevel.Error, Message = "An alarm state change could not be handed to the rules")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);
}
