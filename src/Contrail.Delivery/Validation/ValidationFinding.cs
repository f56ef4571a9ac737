namespace Contrail.Delivery.Validation;

/// <summary>
/// One result of a validation run, in the order <c>aws cloudtrail validate-logs</c> reports it. The
/// subtypes are the AWS CLI's results (<see cref="DigestFileFinding"/>, <see cref="LogFileFinding"/>,
/// <see cref="DigestGapFinding"/>) and the results of checks only Contrail makes
/// (<see cref="IsContrailCheck"/>, docs/validate-logs.md).
/// </summary>
public abstract record ValidationFinding
{
    /// <summary>Whether this finding makes the run fail (exit code 1).</summary>
    public abstract bool IsInvalid { get; }

    /// <summary>True for the results of checks the AWS CLI does not make.</summary>
    public virtual bool IsContrailCheck => false;
}
