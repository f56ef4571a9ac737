namespace Contrail.Delivery.Validation;

/// <summary>
/// Validation cannot go on (the AWS CLI stops with an error in the same cases): no public keys for the
/// range, a digest that lists no <c>logFiles</c>, a digest file name without a time. The message is
/// the one the AWS CLI prints.
/// </summary>
public sealed class LogValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LogValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public LogValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public LogValidationException()
    {
    }
}
