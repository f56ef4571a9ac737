namespace Contrail.Delivery.Objects;

/// <summary>What a head or list returns about an object.</summary>
/// <param name="Key">The object key.</param>
/// <param name="Size">The body length, in bytes.</param>
/// <param name="LastModified">When the object was last written (UTC).</param>
/// <param name="Metadata">The user metadata; empty in listings, which do not read it.</param>
public sealed record ObjectInfo(string Key, long Size, DateTimeOffset LastModified, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>
    /// The entity tag, quoted, when the store keeps one (S3 does: the MD5 of a single-part body);
    /// null when it does not (<see cref="LocalObjectStore"/>), and readers compute it from the body.
    /// </summary>
    public string? ETag { get; init; }
}
