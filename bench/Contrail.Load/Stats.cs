namespace Contrail.Load;

internal static class Stats
{
    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Summary(List<double> milliseconds)
    {
        milliseconds.Sort();
        return $"p50 {Percentile(milliseconds, 50):F2} ms, p99 {Percentile(milliseconds, 99):F2} ms, max {(milliseconds.Count == 0 ? double.NaN : milliseconds[^1]):F2} ms (n={milliseconds.Count})";
    }
}
