using Contrail.Delivery.Objects;

namespace Contrail.Delivery.Tests.Validation;

/// <summary>
/// Another store's objects, each get answered after a pseudo-random delay (0–20 ms), so that parallel
/// downloads finish out of order; it also records how many gets were in flight at most.
/// </summary>
internal sealed class ShuffledDelayStore(IObjectStore inner) : IObjectStore
{
    private readonly Random _random = new(42);
    private int _inFlight;
    private int _maxInFlight;

    private int _gets;
    private int _opens;

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Objects read whole (<see cref="IObjectStore.GetAsync"/>).</summary>
    public int Gets => Volatile.Read(ref _gets);

    /// <summary>Objects opened as streams (<see cref="IObjectStore.OpenReadAsync"/>).</summary>
    public int Opens => Volatile.Read(ref _opens);

    public Task PutAsync(string bucket, string key, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string> metadata,
        ObjectWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.PutAsync(bucket, key, body, metadata, options, cancellationToken);

    public Task<StoredObject?> GetAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _gets);
        return DelayedAsync(() => inner.GetAsync(bucket, key, cancellationToken), cancellationToken);
    }

    public Task<OpenedObject?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _opens);
        return DelayedAsync(() => inner.OpenReadAsync(bucket, key, cancellationToken), cancellationToken);
    }

    private async Task<T> DelayedAsync<T>(Func<Task<T>> get, CancellationToken cancellationToken)
    {
        int delay;
        lock (_random)
        {
            delay = _random.Next(0, 20);
        }

        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            await Task.Delay(delay, cancellationToken);
            return await get();
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        inner.HeadAsync(bucket, key, cancellationToken);

    public Task<ObjectListing> ListAsync(string bucket, string? prefix, string? startAfter, int maxKeys, CancellationToken cancellationToken = default) =>
        inner.ListAsync(bucket, prefix, startAfter, maxKeys, cancellationToken);

    public Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken = default) =>
        inner.BucketExistsAsync(bucket, cancellationToken);

    public Task<bool> DeleteAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(bucket, key, cancellationToken);
}
