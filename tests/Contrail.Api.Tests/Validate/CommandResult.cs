namespace Contrail.Api.Tests.Validate;

/// <summary>What a run of <c>validate-logs</c> (Contrail's or the AWS CLI's) printed and returned.</summary>
internal sealed record CommandResult(int ExitCode, string Stdout, string Stderr);
