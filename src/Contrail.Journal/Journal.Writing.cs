using Contrail.Journal.Format;
using Contrail.Journal.Segments;
using Microsoft.Win32.SafeHandles;

namespace Contrail.Journal;

/// <summary>Appends and the group-commit writer.</summary>
public sealed partial class Journal
{
    // Linux accepts at most 1024 buffers per pwritev; each record takes two (header, payload).
    private const int MaxBuffersPerWrite = 1000;

    // _gate guards _pending, _stopping and _failure. The writer thread owns _active,
    // _activeSegment and _writeOffset once the constructor has run.
    private readonly object _gate = new();
    private readonly Thread _writer;
    private readonly TaskCompletionSource _writerExited = NewSignal();
    private List<AppendRequest> _pending = [];
    private bool _stopping;
    private JournalFailedException? _failure;

    private SafeFileHandle _active;
    private SegmentFile _activeSegment;
    private long _writeOffset;
    private long _syncCount;

    /// <summary>Test seam: makes the writer's next write throw an <see cref="IOException"/>.</summary>
    internal volatile bool FailNextWrite;

    /// <summary>
    /// Appends the payloads as consecutive records. Completes once they are fsync'd, with the
    /// position just after the last one; concurrent calls share one fsync (group commit). The
    /// payload memory must stay unchanged until then. Cancellation stops the wait, not the write:
    /// a cancelled append may still become durable.
    /// </summary>
    /// <exception cref="JournalFailedException">The journal hit an I/O error; nothing of this append is acknowledged.</exception>
    public ValueTask<long> AppendAsync(IReadOnlyList<ReadOnlyMemory<byte>> payloads, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        ct.ThrowIfCancellationRequested();
        var copy = new ReadOnlyMemory<byte>[payloads.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = payloads[i];
            if (copy[i].Length > RecordFormat.MaxPayloadBytes)
            {
                throw new ArgumentException(
                    $"Payload {i} is {copy[i].Length} bytes; the journal accepts at most {RecordFormat.MaxPayloadBytes}.", nameof(payloads));
            }
        }

        var request = new AppendRequest(copy);
        lock (_gate)
        {
            ThrowIfFailed();
            ObjectDisposedException.ThrowIf(_stopping, this);
            _pending.Add(request);
            Monitor.Pulse(_gate);
        }

        return new ValueTask<long>(ct.CanBeCanceled ? request.Completion.Task.WaitAsync(ct) : request.Completion.Task);
    }

    private void ThrowIfFailed()
    {
        var failure = Volatile.Read(ref _failure);
        if (failure is not null)
        {
            throw new JournalFailedException(failure.Message, failure.InnerException!);
        }
    }

    private void WriterLoop()
    {
        var batch = new List<AppendRequest>();
        try
        {
            while (true)
            {
                lock (_gate)
                {
                    while (_pending.Count == 0 && !_stopping)
                    {
                        Monitor.Wait(_gate);
                    }

                    if (_pending.Count == 0)
                    {
                        return;
                    }
                }

                lock (_gate)
                {
                    (batch, _pending) = (_pending, batch);
                }

                try
                {
                    WriteAndCommit(batch);
                }
                catch (Exception ex)
                {
                    Fail(ex, batch);
                    return;
                }

                batch.Clear();
            }
        }
        finally
        {
            _writerExited.TrySetResult();
        }
    }

    /// <summary>
    /// Writes every record of the batch (rolling segments as needed), fsyncs once, publishes the
    /// new committed position and only then completes the appends.
    /// </summary>
    private void WriteAndCommit(List<AppendRequest> batch)
    {
        var recordCount = 0;
        foreach (var request in batch)
        {
            recordCount += request.Payloads.Length;
        }

        var headers = new byte[recordCount * RecordFormat.HeaderSize];
        var buffers = new List<ReadOnlyMemory<byte>>(Math.Min(recordCount * 2, MaxBuffersPerWrite));
        var bufferStart = _writeOffset;
        var headerUsed = 0;
        foreach (var request in batch)
        {
            foreach (var payload in request.Payloads)
            {
                if (_writeOffset >= _segmentBytes || buffers.Count >= MaxBuffersPerWrite)
                {
                    WriteBuffers(buffers, bufferStart);
                    if (_writeOffset >= _segmentBytes)
                    {
                        Roll();
                    }

                    bufferStart = _writeOffset;
                }

                var header = headers.AsMemory(headerUsed, RecordFormat.HeaderSize);
                headerUsed += RecordFormat.HeaderSize;
                RecordFormat.WriteHeader(header.Span, _activeSegment.BasePosition + _writeOffset, payload.Span);
                buffers.Add(header);
                buffers.Add(payload);
                _writeOffset += RecordFormat.HeaderSize + payload.Length;
            }

            request.EndPosition = _activeSegment.BasePosition + _writeOffset;
        }

        WriteBuffers(buffers, bufferStart);
        DiskSync.Data(_active);
        Interlocked.Increment(ref _syncCount);

        Volatile.Write(ref _committedPosition, _activeSegment.BasePosition + _writeOffset);
        SignalCommit();
        foreach (var request in batch)
        {
            request.Completion.TrySetResult(request.EndPosition);
        }
    }

    private void WriteBuffers(List<ReadOnlyMemory<byte>> buffers, long fileOffset)
    {
        if (buffers.Count == 0)
        {
            return;
        }

        if (FailNextWrite)
        {
            FailNextWrite = false;
            throw new IOException("Injected write failure (test seam).");
        }

        RandomAccess.Write(_active, buffers, fileOffset);
        buffers.Clear();
    }

    /// <summary>
    /// Starts a new segment where the active one ends. The old segment is fsync'd first, so a
    /// newer segment file exists only if every older one is complete on disk: recovery may then
    /// treat damage in a non-last segment as corruption, never as a torn write.
    /// </summary>
    private void Roll()
    {
        RandomAccess.FlushToDisk(_active);
        Interlocked.Increment(ref _syncCount);

        var next = SegmentFile.For(_directory, _activeSegment.BasePosition + _writeOffset);
        var handle = CreateSegmentFile(_directory, next);
        lock (_segmentsLock)
        {
            _segments.Add(next);
        }

        _active.Dispose();
        _active = handle;
        _activeSegment = next;
        _writeOffset = 0;
    }

    private void Fail(Exception error, List<AppendRequest> batch)
    {
        var failure = new JournalFailedException(
            "The journal stopped after an I/O error (fail-stop); this append was not acknowledged. Restart the service to recover the journal.",
            error);
        List<AppendRequest> queued;
        lock (_gate)
        {
            Volatile.Write(ref _failure, failure);
            queued = _pending;
            _pending = [];
        }

        Log.Failed(_logger, error);
        foreach (var request in batch)
        {
            request.Completion.TrySetException(new JournalFailedException(failure.Message, error));
        }

        foreach (var request in queued)
        {
            request.Completion.TrySetException(new JournalFailedException(failure.Message, error));
        }

        SignalCommit();
    }

    private sealed class AppendRequest(ReadOnlyMemory<byte>[] payloads)
    {
        public ReadOnlyMemory<byte>[] Payloads { get; } = payloads;

        public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long EndPosition { get; set; }
    }
}
