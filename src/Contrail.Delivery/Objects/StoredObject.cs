namespace Contrail.Delivery.Objects;

/// <summary>An object read back from an <see cref="IObjectStore"/>.</summary>
/// <param name="Body">The bytes as stored.</param>
/// <param name="Metadata">The user metadata given at put time.</param>
public sealed record StoredObject(ReadOnlyMemory<byte> Body, IReadOnlyDictionary<string, string> Metadata);
