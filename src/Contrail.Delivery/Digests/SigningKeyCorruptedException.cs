namespace Contrail.Delivery.Digests;

/// <summary>
/// A file in the signing key directory cannot be read, or is not a valid key file
/// (docs/dev/signing-keys.md). <see cref="SigningKeyRing.Open"/> refuses to start rather than
/// make a new key in its place: digests signed with the lost key could no longer be validated.
/// </summary>
public sealed class SigningKeyCorruptedException : Exception
{
    /// <summary>Makes the exception for the key file at <paramref name="path"/>.</summary>
    public SigningKeyCorruptedException(string path, string reason, Exception? inner = null)
        : base($"Signing key file '{path}' is not usable: {reason}. Keys are never regenerated in place of a damaged one "
            + "(digests signed with it could no longer be validated): restore the file from a backup, or move it out of "
            + $"{Path.GetDirectoryName(path)} to give up validating the digests it signed.", inner)
    {
        KeyPath = path;
    }

    /// <summary>Full path of the key file.</summary>
    public string KeyPath { get; }
}
