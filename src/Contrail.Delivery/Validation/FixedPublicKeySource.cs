namespace Contrail.Delivery.Validation;

/// <summary>
/// The same keys for every time range: a list saved with <c>aws cloudtrail list-public-keys</c>, for
/// validating offline. Validity times are not checked (the AWS CLI does not check them either: the server
/// chooses the keys).
/// </summary>
public sealed class FixedPublicKeySource : IPublicKeySource
{
    private readonly IReadOnlyList<DigestPublicKey> _keys;

    /// <summary>Creates the source over <paramref name="keys"/> (copied).</summary>
    public FixedPublicKeySource(IEnumerable<DigestPublicKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = [.. keys];
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<DigestPublicKey>> GetPublicKeysAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        Task.FromResult(_keys);
}
