using Contrail.Journal.Segments;

namespace Contrail.Journal;

/// <summary>Consumer positions and retention.</summary>
public sealed partial class Journal
{
    /// <summary>
    /// Records that <paramref name="consumer"/> has processed everything below
    /// <paramref name="position"/>. Saved to disk within about 200 ms and on dispose (never a value
    /// ahead of the one passed here). Once every registered consumer has passed a segment, the
    /// segment is deleted; while no consumer is registered nothing is deleted.
    /// </summary>
    public void SetConsumerPosition(string consumer, long position)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        _cursors.Set(consumer, position);
    }

    /// <summary>
    /// Unregisters <paramref name="consumer"/> (for instance a deleted trail), so it no longer holds
    /// segments back; saved with the other positions. False when it was not registered.
    /// </summary>
    public bool RemoveConsumer(string consumer)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        return _cursors.Remove(consumer);
    }

    /// <summary>The names of the registered consumers.</summary>
    public IReadOnlyList<string> ConsumerNames() => _cursors.Names();

    /// <summary>The last position passed to <see cref="SetConsumerPosition"/> (or saved on disk), or null.</summary>
    public long? GetConsumerPosition(string consumer)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        return _cursors.Get(consumer);
    }

    /// <summary>Saves changed consumer positions now and applies retention (tests; the timer does this).</summary>
    internal void SaveConsumerPositions()
    {
        if (_cursors.Save())
        {
            ApplyRetention(_cursors.Saved);
        }
    }

    private void SaveConsumerPositionsQuietly()
    {
        try
        {
            SaveConsumerPositions();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.CursorSaveFailed(_logger, ex);
        }
    }

    /// <summary>
    /// Deletes the segments every consumer has passed, judged by the saved positions only: after
    /// a crash a consumer resumes from its saved position, whose segment must still exist.
    /// </summary>
    private void ApplyRetention(IReadOnlyDictionary<string, long> saved)
    {
        if (saved.Count == 0)
        {
            return;
        }

        var oldest = long.MaxValue;
        foreach (var position in saved.Values)
        {
            oldest = Math.Min(oldest, position);
        }

        var doomed = new List<SegmentFile>();
        lock (_segmentsLock)
        {
            // Never the active (last) segment: only ones with a successor the consumers reached.
            while (_segments.Count > 1 && _segments[1].BasePosition <= oldest)
            {
                doomed.Add(_segments[0]);
                _segments.RemoveAt(0);
            }
        }

        foreach (var segment in doomed)
        {
            File.Delete(segment.Path);
            Log.SegmentDeleted(_logger, segment.FileName);
        }

        if (doomed.Count > 0)
        {
            DiskSync.Directory(_directory);
        }
    }
}
