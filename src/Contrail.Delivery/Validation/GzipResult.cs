namespace Contrail.Delivery.Validation;

/// <summary>What <see cref="GzipFirstMember.Inflate"/> found.</summary>
/// <param name="Outcome">How the member ended.</param>
/// <param name="OutputLength">Bytes inflated (and given to the sink).</param>
/// <param name="TrailingBytes">Bytes after the first member's trailer, which zlib ignores; 0 unless <see cref="GzipOutcome.Complete"/>.</param>
internal readonly record struct GzipResult(GzipOutcome Outcome, long OutputLength, long TrailingBytes);
