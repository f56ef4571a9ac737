namespace Contrail.Delivery.Objects;

/// <summary>
/// An object opened for reading from an <see cref="IObjectStore"/>: its body as a forward-only stream
/// and its metadata. The body reads one version of the object, even if it is replaced meanwhile.
/// Dispose it to release the file or connection.
/// </summary>
public sealed class OpenedObject : IDisposable, IAsyncDisposable
{
    private readonly IDisposable? _owner;

    /// <summary>Wraps an open body.</summary>
    /// <param name="body">The body stream, read from its start; disposed with this.</param>
    /// <param name="length">The body's length in bytes, as the store reported it.</param>
    /// <param name="metadata">The user metadata given at put time.</param>
    /// <param name="owner">Something else to dispose with the body (an HTTP response); optional.</param>
    public OpenedObject(Stream body, long length, IReadOnlyDictionary<string, string> metadata, IDisposable? owner = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(metadata);
        Body = body;
        Length = length;
        Metadata = metadata;
        _owner = owner;
    }

    /// <summary>The body, forward-only.</summary>
    public Stream Body { get; }

    /// <summary>The body's length in bytes, as the store reported it when the object was opened.</summary>
    public long Length { get; }

    /// <summary>The user metadata (S3's <c>x-amz-meta-*</c>).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        Body.Dispose();
        _owner?.Dispose();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Body.DisposeAsync().ConfigureAwait(false);
        _owner?.Dispose();
    }
}
