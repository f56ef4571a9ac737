namespace Contrail.Delivery.Tests.Support;

/// <summary>A clock that reads <see cref="Now"/>, which the test sets or advances.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public void Advance(TimeSpan by) => Now += by;

    public override DateTimeOffset GetUtcNow() => Now;
}
