namespace Contrail.Store.History;

/// <summary>Settings of the embedded event store.</summary>
public sealed class EventStoreOptions
{
    /// <summary>Threads DuckDB may use for one query (default: the machine's cores).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
