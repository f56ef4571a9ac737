namespace Contrail.Api.Tests.EventDataStores;

/// <summary>A clock that moves only when told (timers still run on real time, as the base <see cref="TimeProvider"/> makes them).</summary>
internal sealed class LakeClock(DateTimeOffset now) : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }
}
