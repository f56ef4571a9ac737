namespace Contrail.Delivery.Validation;

/// <summary>One <c>logFiles[]</c> entry of a valid digest, as the AWS CLI reads it.</summary>
/// <param name="Bucket"><c>s3Bucket</c> as Python prints it.</param>
/// <param name="Key"><c>s3Object</c> as Python prints it.</param>
/// <param name="IsAddressable">Both are strings, so the object can be asked for (else the AWS CLI reports invalid format).</param>
/// <param name="HashValue"><c>hashValue</c> when it is a string; null when absent or not a string.</param>
/// <param name="HasHashValue">Whether <c>hashValue</c> is present at all (absent is invalid format, not a mismatch).</param>
internal sealed record LogFileEntry(string Bucket, string Key, bool IsAddressable, string? HashValue, bool HasHashValue);
