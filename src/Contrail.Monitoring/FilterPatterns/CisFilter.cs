namespace Contrail.Monitoring.FilterPatterns;

/// <summary>One CloudTrail metric filter of the CIS AWS Foundations Benchmark (spec §8.2).</summary>
/// <param name="Id">The row of spec §8.2: <c>1</c> … <c>15</c>, and <c>1b</c>, <c>2b</c> for the CIS texts that differ from Security Hub's.</param>
/// <param name="Name">What the filter watches for.</param>
/// <param name="SecurityHubControl">The AWS Security Hub control (<c>CloudWatch.2</c>); null where Security Hub has none.</param>
/// <param name="Cis12Control">The CIS v1.2.0 recommendation (<c>3.1</c>); null where v1.2.0 has none.</param>
/// <param name="Cis14Control">The CIS v1.4.0 recommendation (<c>4.1</c>).</param>
/// <param name="MetricName">The metric the filter publishes to in <see cref="CisPack.MetricNamespace"/> (Contrail's names; AWS prescribes none).</param>
/// <param name="Pattern">The filter pattern, character for character as AWS and CIS publish it.</param>
public sealed record CisFilter(
    string Id,
    string Name,
    string? SecurityHubControl,
    string? Cis12Control,
    string Cis14Control,
    string MetricName,
    string Pattern);
