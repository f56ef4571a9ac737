namespace Contrail.Api.Delivery;

/// <summary>
/// The records a trail's reading pass found logged since a position, kept so that the cut of that range
/// builds its files from them instead of reading the journal a second time (docs/benchmarks.md).
/// <para>
/// Invariant while <see cref="Valid"/>: the kept records are exactly those of [<see cref="Start"/>, the
/// reading position) for which the trail's switch said "logged", starting from <see cref="StartLogging"/>
/// at <see cref="Start"/>. A record not kept was neither logged nor a switch that turns logging on, so the
/// cut, which starts from the same state and applies the same switches, skips it too: a cut over the kept
/// records gives the same files as a cut over the journal (retries, which read the journal, depend on it).
/// </para>
/// Bounded by a budget shared by all trails: a trail that would exceed it stops keeping records until its
/// next delivered boundary, and its cut reads the journal as before. Not thread-safe: the delivery loop owns it.
/// </summary>
internal sealed class PendingRecords(PendingRecords.Budget budget)
{
    private readonly RecordArena _arena = new(pooled: true);
    private readonly List<(long Position, ReadOnlyMemory<byte> Json, bool MayToggle)> _records = [];
    private long _bytes;

    /// <summary>Whether the records since <see cref="Start"/> are all kept.</summary>
    public bool Valid { get; private set; }

    public long Start { get; private set; }

    public bool StartLogging { get; private set; }

    /// <summary>The kept records, in journal order; slices valid until the next <see cref="Restart"/> or <see cref="Drop"/>.</summary>
    public IReadOnlyList<(long Position, ReadOnlyMemory<byte> Json, bool MayToggle)> Records => _records;

    /// <summary>True when the kept records stand for the range starting at <paramref name="start"/> with logging state <paramref name="logging"/>.</summary>
    public bool Covers(long start, bool logging) => Valid && Start == start && StartLogging == logging;

    /// <summary>Starts keeping afresh at a delivered boundary.</summary>
    public void Restart(long start, bool logging)
    {
        Release();
        Start = start;
        StartLogging = logging;
        Valid = true;
    }

    /// <summary>
    /// Keeps a copy of a logged record read at <paramref name="position"/>, within the budget, with whether
    /// it may be a logging switch (so the cut need not look for one again).
    /// </summary>
    public void Add(long position, ReadOnlySpan<byte> json, bool mayToggle)
    {
        if (!Valid)
        {
            return;
        }

        if (!budget.TryTake(json.Length))
        {
            Drop();
            return;
        }

        _bytes += json.Length;
        _records.Add((position, _arena.Copy(json), mayToggle));
    }

    /// <summary>Stops keeping records until the next <see cref="Restart"/>.</summary>
    public void Drop()
    {
        Release();
        Valid = false;
    }

    private void Release()
    {
        budget.Give(_bytes);
        _bytes = 0;
        _records.Clear();
        _arena.Reset(keepChunks: 0);
    }

    /// <summary>How many record bytes all trails may keep at once. Not thread-safe.</summary>
    internal sealed class Budget(long bytes)
    {
        private long _available = bytes;

        public bool TryTake(long bytes)
        {
            if (bytes > _available)
            {
                return false;
            }

            _available -= bytes;
            return true;
        }

        public void Give(long bytes) => _available += bytes;
    }
}
