namespace Contrail.Delivery.Validation;

/// <summary>The verdict on a log file a valid digest lists (spec §3.3 step 4).</summary>
public enum LogFileStatus
{
    /// <summary>The SHA-256 of the inflated file is the digest's <c>hashValue</c>: <c>valid</c>.</summary>
    Valid,

    /// <summary>No such object: <c>INVALID: not found</c>.</summary>
    NotFound,

    /// <summary>Not gzip, or the entry has no <c>hashValue</c>: <c>INVALID: invalid format</c>.</summary>
    InvalidFormat,

    /// <summary>The file changed: <c>INVALID: hash value doesn't match</c>.</summary>
    HashMismatch,
}
