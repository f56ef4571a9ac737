namespace Contrail.Delivery.Validation;

/// <summary>Where the validator gets public keys from: a server's <c>ListPublicKeys</c>, or a saved list.</summary>
public interface IPublicKeySource
{
    /// <summary>
    /// The keys whose private keys signed digests between <paramref name="start"/> and <paramref name="end"/>
    /// (<c>ListPublicKeys</c> with <c>StartTime</c>/<c>EndTime</c>). An empty list stops validation, as with the AWS CLI.
    /// </summary>
    Task<IReadOnlyList<DigestPublicKey>> GetPublicKeysAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);
}
