namespace Contrail.Delivery.Objects;

/// <summary>One page of a listing.</summary>
/// <param name="Objects">The objects, ordered by key.</param>
/// <param name="IsTruncated">True when more objects match after the last one returned.</param>
public sealed record ObjectListing(IReadOnlyList<ObjectInfo> Objects, bool IsTruncated);
