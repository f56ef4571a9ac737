namespace Contrail.Api.Tests.Support;

/// <summary>
/// A clock for a whole server whose wall time moves only when the test says (<see cref="Advance"/>), with
/// timers: a timer fires (on the thread pool) when an advance reaches its due time, so <c>Task.Delay(…, clock)</c>
/// and <c>WaitAsync(…, clock)</c> wait for the test. Timestamps (elapsed-time measures) stay real. Start it at the
/// real time: the AWS CLI signs with the real clock, and the server allows 15 minutes of skew.
/// </summary>
internal sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<SteppingTimer> _timers = [];
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    /// <summary>Moves the clock to <paramref name="time"/> (never backwards) and fires every timer due by then.</summary>
    public void AdvanceTo(DateTimeOffset time) => Advance(time - GetUtcNow());

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        List<SteppingTimer> due;
        lock (_lock)
        {
            _now += by;
            due = [.. _timers.Where(t => t.Due <= _now)];
            foreach (var timer in due)
            {
                if (timer.Period is { } period && period > TimeSpan.Zero)
                {
                    timer.Due = _now + period;
                }
                else
                {
                    _timers.Remove(timer);
                }
            }
        }

        foreach (var timer in due)
        {
            ThreadPool.UnsafeQueueUserWorkItem(t => t.Fire(), timer, preferLocal: false);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SteppingTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(SteppingTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.Due = _now + dueTime;
            timer.Period = period == Timeout.InfiniteTimeSpan ? null : period;
            _timers.Add(timer);
        }

        if (dueTime <= TimeSpan.Zero)
        {
            Advance(TimeSpan.Zero);
        }
    }

    private sealed class SteppingTimer(SteppingClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset Due { get; set; }

        public TimeSpan? Period { get; set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Schedule(this, dueTime, period);
            return true;
        }

        public void Dispose() => clock.Schedule(this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
