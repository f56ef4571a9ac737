using Contrail.Journal.Cursors;
using Contrail.Journal.Segments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Win32.SafeHandles;

namespace Contrail.Journal;

/// <summary>
/// The write-ahead journal: an append-only sequence of opaque records in segment files, durable
/// before acknowledgement (group commit: one fsync per batch of concurrent appends), readable up
/// to <see cref="CommittedPosition"/>, recovered on <see cref="Open"/>, trimmed once all consumers
/// have passed a segment. Fail-stop: an I/O error stops it for good (<see cref="JournalFailedException"/>).
/// Thread-safety: every member may be called concurrently; readers are single-threaded each.
/// </summary>
public sealed partial class Journal : IAsyncDisposable
{
    private static readonly TimeSpan CursorSaveInterval = TimeSpan.FromMilliseconds(200);

    private readonly string _directory;
    private readonly long _segmentBytes;
    private readonly ILogger _logger;
    private readonly CursorStore _cursors;
    private readonly ITimer _cursorTimer;

    // Segments in position order; the last is the active one. Guarded by _segmentsLock: the writer
    // adds on roll, retention removes from the front, readers look up.
    private readonly Lock _segmentsLock = new();
    private readonly List<SegmentFile> _segments;

    private long _committedPosition;
    private TaskCompletionSource _commitSignal = NewSignal();
    private int _disposed;

    private Journal(JournalOptions options, ILogger logger, List<SegmentFile> segments, long endPosition,
        JournalRecoveryReport recovery, CursorStore cursors)
    {
        _directory = options.Directory;
        _segmentBytes = options.SegmentBytes;
        _logger = logger;
        _segments = segments;
        _cursors = cursors;
        Recovery = recovery;
        _committedPosition = endPosition;

        _activeSegment = segments[^1];
        _writeOffset = endPosition - _activeSegment.BasePosition;
        _active = File.OpenHandle(_activeSegment.Path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);

        _cursorTimer = TimeProvider.System.CreateTimer(_ => SaveConsumerPositionsQuietly(), null,
            CursorSaveInterval, CursorSaveInterval);
        _writer = new Thread(WriterLoop) { IsBackground = true, Name = "Contrail journal writer" };
        _writer.Start();
    }

    /// <summary>What recovery found when the journal was opened.</summary>
    public JournalRecoveryReport Recovery { get; }

    /// <summary>Every record below this position is durable (fsync'd) and readable.</summary>
    public long CommittedPosition => Volatile.Read(ref _committedPosition);

    /// <summary>Number of fsyncs of segment files so far (group commits plus segment rolls).</summary>
    internal long SyncCount => Interlocked.Read(ref _syncCount);

    /// <summary>
    /// Opens (creating if needed) the journal in <see cref="JournalOptions.Directory"/> and recovers
    /// it: verifies every record, truncates a torn tail of the last segment (logged at Warning and
    /// reported in <see cref="Recovery"/>), and applies retention.
    /// </summary>
    /// <exception cref="JournalCorruptedException">A damaged record that is not a torn tail.</exception>
    public static Journal Open(JournalOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        logger ??= NullLogger.Instance;

        System.IO.Directory.CreateDirectory(options.Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var (segments, report) = Recover(options.Directory, logger);
        Log.Recovered(logger, report.ToString());

        var cursors = CursorStore.Load(options.Directory);
        var journal = new Journal(options, logger, segments, report.EndPosition, report, cursors);
        try
        {
            journal.ApplyRetention(cursors.Saved);
        }
        catch
        {
            journal.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        return journal;
    }

    /// <summary>
    /// Completes the appends already queued (or fails them if the journal has failed), saves the
    /// consumer positions and closes the files. Later calls fail with <see cref="ObjectDisposedException"/>.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }

        await _writerExited.Task.ConfigureAwait(false);
        await _cursorTimer.DisposeAsync().ConfigureAwait(false);
        SaveConsumerPositionsQuietly();
        _active.Dispose();
        SignalCommit();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes every <see cref="WaitForCommitAsync"/> caller so it re-checks the state.</summary>
    private void SignalCommit() => Interlocked.Exchange(ref _commitSignal, NewSignal()).TrySetResult();

    private static SafeFileHandle CreateSegmentFile(string directory, SegmentFile segment)
    {
        var handle = File.OpenHandle(segment.Path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);
        try
        {
            RandomAccess.FlushToDisk(handle);
            DiskSync.Directory(directory);
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }
}
