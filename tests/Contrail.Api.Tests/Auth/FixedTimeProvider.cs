namespace Contrail.Api.Tests.Auth;

/// <summary>A clock that reads <see cref="Now"/>, which the test sets.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
