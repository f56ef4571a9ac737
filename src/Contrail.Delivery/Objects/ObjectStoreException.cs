namespace Contrail.Delivery.Objects;

/// <summary>
/// A store refused or could not be reached for an operation. <see cref="ErrorCode"/> is S3-shaped
/// (<c>NoSuchBucket</c>, <c>AccessDenied</c>, <c>ServiceUnavailable</c>, …) and safe to show a user:
/// it never holds a local path, an endpoint's answer body or a secret. The message names the
/// operation, bucket and key; the cause, if any, is the inner exception.
/// </summary>
public sealed class ObjectStoreException : IOException
{
    /// <summary>Used when a store's code is missing or not a plain word.</summary>
    public const string InternalError = "InternalError";

    /// <summary>Creates the exception; a <paramref name="errorCode"/> that is not 1–64 ASCII letters, digits or dots becomes <see cref="InternalError"/>.</summary>
    public ObjectStoreException(string? errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = IsPlainCode(errorCode) ? errorCode! : InternalError;
    }

    /// <summary>The S3-style error code (letters, digits and dots only).</summary>
    public string ErrorCode { get; }

    private static bool IsPlainCode(string? code) =>
        code is { Length: > 0 and <= 64 } && code.All(c => char.IsAsciiLetterOrDigit(c) || c == '.');
}
