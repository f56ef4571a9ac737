namespace Contrail.Delivery.Objects;

/// <summary>
/// An S3-shaped object store: buckets of objects named by keys, each with user metadata.
/// Implementations are thread-safe; a put of an existing key replaces the object and its metadata
/// (a retried delivery rewrites the same object, DESIGN.md).
/// </summary>
public interface IObjectStore
{
    /// <summary>Stores <paramref name="body"/> under <paramref name="key"/>, durably, replacing any object there.</summary>
    /// <exception cref="ArgumentException">The bucket name or key is invalid.</exception>
    Task PutAsync(string bucket, string key, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string> metadata,
        CancellationToken cancellationToken = default);

    /// <summary>The object's body and metadata, or null when there is no such object.</summary>
    Task<StoredObject?> GetAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>The object's size, time and metadata without its body, or null when there is no such object.</summary>
    Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="maxKeys"/> objects whose keys start with <paramref name="prefix"/> and sort
    /// after <paramref name="startAfter"/>, ordered by key (UTF-8 byte order, as S3).
    /// </summary>
    Task<ObjectListing> ListAsync(string bucket, string? prefix, string? startAfter, int maxKeys,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes the object; false when there was none.</summary>
    Task<bool> DeleteAsync(string bucket, string key, CancellationToken cancellationToken = default);
}
