namespace Contrail.Api.Protocol;

/// <summary>
/// A REST answer written as given: <paramref name="Status"/>, <c>Content-Type</c>, the headers, and
/// <paramref name="Body"/> byte for byte (an object's stored bytes are never re-encoded).
/// </summary>
internal sealed record RestReply(int Status, string ContentType, ReadOnlyMemory<byte> Body)
{
    /// <summary>Headers besides <c>Content-Type</c> and <c>Content-Length</c> (<c>ETag</c>, <c>Last-Modified</c>, <c>x-amz-meta-*</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The <c>Content-Length</c> of an answer without a body (HEAD): the length a GET's body would have. Null means <see cref="Body"/>'s length.</summary>
    public long? ContentLength { get; init; }
}
