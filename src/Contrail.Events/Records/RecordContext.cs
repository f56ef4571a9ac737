namespace Contrail.Events.Records;

/// <summary>What the service fills into records a producer left incomplete.</summary>
/// <param name="AccountId">The 12-digit account that receives the events.</param>
/// <param name="Region">The region events are recorded in.</param>
/// <param name="Now">The current time (from the injected <see cref="TimeProvider"/>).</param>
public sealed record RecordContext(string AccountId, string Region, DateTimeOffset Now);
