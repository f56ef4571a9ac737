namespace Contrail.Delivery.Validation;

/// <summary>How reading the first gzip member of an object ended (see <see cref="GzipFirstMember"/>).</summary>
internal enum GzipOutcome
{
    /// <summary>Header, deflate data and a matching trailer (CRC-32 and length) were all there.</summary>
    Complete,

    /// <summary>The object ended before the member did (in the header, the deflate data or the trailer); the output is what could be inflated.</summary>
    Truncated,

    /// <summary>Not gzip, bad deflate data, or a trailer that does not match the data: zlib's "incorrect header/data/length check".</summary>
    Corrupt,
}
