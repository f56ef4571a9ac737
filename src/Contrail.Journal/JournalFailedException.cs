namespace Contrail.Journal;

/// <summary>
/// The journal hit an I/O error and stopped (fail-stop): the append that was in flight and every
/// later one fail with this exception, and none of them was acknowledged. Restart the service to
/// recover the journal from disk.
/// </summary>
public sealed class JournalFailedException : Exception
{
    public JournalFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
