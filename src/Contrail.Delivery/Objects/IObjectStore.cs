namespace Contrail.Delivery.Objects;

/// <summary>
/// An S3-shaped object store: buckets of objects named by keys, each with user metadata.
/// Implementations are thread-safe; a put of an existing key replaces the object and its metadata
/// (a retried delivery rewrites the same object, DESIGN.md).
/// </summary>
public interface IObjectStore
{
    /// <summary>
    /// Stores <paramref name="body"/> under <paramref name="key"/>, durably and whole (never a partial
    /// object), replacing any object there; putting the same bytes again leaves the same object.
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="body">The whole object.</param>
    /// <param name="metadata">User metadata (S3's <c>x-amz-meta-*</c>).</param>
    /// <param name="options">Server-side encryption; null for the store's default. Stores that cannot encrypt ignore it.</param>
    /// <param name="cancellationToken">Cancels the put; the object is then either the old or the new one.</param>
    /// <exception cref="ArgumentException">The bucket name, key, metadata or options are invalid.</exception>
    /// <exception cref="IOException">The store failed; <see cref="ObjectStoreException"/> carries an S3-style code.</exception>
    Task PutAsync(string bucket, string key, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string> metadata,
        ObjectWriteOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>The object's body and metadata, or null when there is no such object (or no such bucket).</summary>
    Task<StoredObject?> GetAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens the object's body as a stream, for readers of objects too large to hold (log files up to
    /// 50 MB, read by the hundred); null when there is no such object (or no such bucket). The caller
    /// disposes it.
    /// </summary>
    Task<OpenedObject?> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>The object's size, time and metadata without its body, or null when there is no such object.</summary>
    Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="maxKeys"/> objects whose keys start with <paramref name="prefix"/> and sort
    /// after <paramref name="startAfter"/>, ordered by key (UTF-8 byte order, as S3). A caller pages by
    /// passing the last key it got as the next <paramref name="startAfter"/>. A missing bucket lists empty.
    /// </summary>
    Task<ObjectListing> ListAsync(string bucket, string? prefix, string? startAfter, int maxKeys,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the bucket exists: it may be empty. (A <see cref="LocalObjectStore"/> bucket exists once
    /// something was put in it.) Readers use it to tell a missing bucket from an empty listing.
    /// </summary>
    Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken = default);

    /// <summary>Deletes the object; false when there was none (a missing bucket has none).</summary>
    Task<bool> DeleteAsync(string bucket, string key, CancellationToken cancellationToken = default);
}
