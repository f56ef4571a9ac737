namespace Contrail.Delivery.Digests;

/// <summary>The newest digest of one region's chain, read back from the store.</summary>
/// <param name="Region">The region the digest covers (its source region).</param>
/// <param name="End">Its <c>digestEndTime</c>: where the next digest's window starts.</param>
/// <param name="Link">How the next digest names it (key, hash of its JSON, signature).</param>
public sealed record DigestChainTail(string Region, DateTimeOffset End, DigestLink Link);
