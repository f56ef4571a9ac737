using System.Collections.Concurrent;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.Service;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Delivery.Notifications;

/// <summary>
/// The Latest* notification members of GetTrailStatus, by trail name: written by
/// <see cref="NotificationSender"/> after every attempt (memory, then the trail's status file), read by
/// the API. Thread-safe; updates are serialized (one status file write at a time, a few per delivery pass).
/// </summary>
internal sealed partial class NotificationStatusBoard(ContrailSettings settings, ILogger<NotificationStatusBoard> logger)
{
    private readonly ConcurrentDictionary<string, NotificationStatus> _statuses = new(StringComparer.Ordinal);
    private readonly Lock _update = new();

    /// <summary>The status of <paramref name="trail"/>: in memory, else its file (after a restart); null when it never notified.</summary>
    public NotificationStatus? Get(Trail trail)
    {
        ArgumentNullException.ThrowIfNull(trail);
        return Find(trail.Name, trail.CreatedAt);
    }

    /// <summary>Records an attempt that started at <paramref name="attemptTime"/>: a success when <paramref name="error"/> is null.</summary>
    public void Attempted(string trailName, DateTimeOffset trailCreatedAt, DateTimeOffset attemptTime, string? error) =>
        Update(trailName, trailCreatedAt, s => error is null
            ? s with
            {
                LatestNotificationTime = attemptTime,
                LatestNotificationAttemptTime = attemptTime,
                LatestNotificationAttemptSucceeded = attemptTime,
                LatestNotificationError = null,
            }
            : s with { LatestNotificationAttemptTime = attemptTime, LatestNotificationError = error });

    /// <summary>Records a notification that was never attempted (the queue was full, the topic unusable).</summary>
    public void Dropped(string trailName, DateTimeOffset trailCreatedAt, string error) =>
        Update(trailName, trailCreatedAt, s => s with { LatestNotificationError = error });

    /// <summary>Deletes the status files of trails not in <paramref name="trailNames"/> (at start: trails deleted meanwhile).</summary>
    public void RemoveAllBut(IReadOnlyCollection<string> trailNames)
    {
        var directory = NotificationStatus.DirectoryOf(settings.DataDirectory);
        if (!Directory.Exists(directory))
        {
            return;
        }

        lock (_update)
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.json"))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                if (!trailNames.Contains(name))
                {
                    _statuses.TryRemove(name, out _);
                    File.Delete(file);
                }
            }
        }
    }

    private void Update(string trailName, DateTimeOffset trailCreatedAt, Func<NotificationStatus, NotificationStatus> change)
    {
        lock (_update)
        {
            var next = change(Find(trailName, trailCreatedAt) ?? new NotificationStatus { TrailCreatedAt = trailCreatedAt });
            _statuses[trailName] = next;
            try
            {
                next.Save(settings.DataDirectory, trailName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The status is a report, not a cursor: memory stays right, the file catches up next time.
                LogSaveFailed(logger, e, trailName);
            }
        }
    }

    private NotificationStatus? Find(string trailName, DateTimeOffset trailCreatedAt)
    {
        if (!_statuses.TryGetValue(trailName, out var status))
        {
            try
            {
                status = NotificationStatus.Load(settings.DataDirectory, trailName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                status = null;
            }
        }

        return status?.TrailCreatedAt == trailCreatedAt ? status : null;
    }

    [LoggerMessage(EventId = 3207, Level = LogLevel.Warning, Message = "The notification status of trail {Trail} could not be saved; GetTrailStatus shows it until a restart")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception, string trail);
}
