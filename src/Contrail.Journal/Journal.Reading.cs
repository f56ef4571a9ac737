using Contrail.Journal.Segments;

namespace Contrail.Journal;

/// <summary>Readers and commit notification.</summary>
public sealed partial class Journal
{
    /// <summary>
    /// Opens a reader at <paramref name="fromPosition"/>: a record boundary (0, a returned
    /// position, or a <see cref="JournalRecord.NextPosition"/>). A position older than the oldest
    /// kept segment starts at the oldest kept record instead.
    /// </summary>
    /// <exception cref="ArgumentException">The position is committed but not a record boundary.</exception>
    public JournalReader OpenReader(long fromPosition)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromPosition);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        lock (_segmentsLock)
        {
            fromPosition = Math.Max(fromPosition, _segments[0].BasePosition);
        }

        var reader = new JournalReader(this, fromPosition);
        if (fromPosition < CommittedPosition && !reader.IsAtRecordBoundary())
        {
            reader.Dispose();
            throw new ArgumentException($"Position {fromPosition} is not the start of a journal record.", nameof(fromPosition));
        }

        return reader;
    }

    /// <summary>
    /// Completes when <see cref="CommittedPosition"/> is greater than <paramref name="position"/>,
    /// that is once a record at <paramref name="position"/> is committed. Does not poll: woken by
    /// each commit.
    /// </summary>
    /// <exception cref="JournalFailedException">The journal failed.</exception>
    /// <exception cref="ObjectDisposedException">The journal was disposed first.</exception>
    public async Task WaitForCommitAsync(long position, CancellationToken ct)
    {
        while (true)
        {
            // Take the signal before checking: a commit after the check then completes it.
            var signal = Volatile.Read(ref _commitSignal).Task;
            if (CommittedPosition > position)
            {
                return;
            }

            ThrowIfFailed();
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            await signal.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The segment holding <paramref name="position"/> and where it ends (the next segment's
    /// base, or <see cref="long.MaxValue"/> for the active one); null when retention removed it.
    /// </summary>
    internal (SegmentFile Segment, long End)? Locate(long position)
    {
        lock (_segmentsLock)
        {
            if (position < _segments[0].BasePosition)
            {
                return null;
            }

            var low = 0;
            var high = _segments.Count - 1;
            while (low < high)
            {
                var mid = (low + high + 1) / 2;
                if (_segments[mid].BasePosition <= position)
                {
                    low = mid;
                }
                else
                {
                    high = mid - 1;
                }
            }

            var end = low + 1 < _segments.Count ? _segments[low + 1].BasePosition : long.MaxValue;
            return (_segments[low], end);
        }
    }
}
