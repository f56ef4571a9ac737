using Contrail.Monitoring.Insights;

namespace Contrail.Monitoring.Tests.Insights;

/// <summary>Synthetic calls at known minutes: the detector's clock is the eventTimes given and the times closed.</summary>
internal static class InsightTraffic
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Minute(long minute) => T0.AddMinutes(minute);

    public static InsightCall Write(long minute, string name = "PutObjectAcl", string? errorCode = null, string user = "arn:aws:iam::111122223333:user/alice",
        string agent = "aws-cli/2.15", string source = "s3.amazonaws.com", string region = "us-east-1", bool readOnly = false, string category = "Management") =>
        new(Minute(minute).AddSeconds(minute % 50), region, source, name, category, readOnly, errorCode, user, agent);

    /// <summary><paramref name="perMinute"/>(minute) calls in each minute of [from, to); returns how many counted.</summary>
    public static long Feed(InsightDetector detector, long from, long to, Func<long, int> perMinute, Func<long, InsightCall> call)
    {
        long counted = 0;
        for (var minute = from; minute < to; minute++)
        {
            var count = perMinute(minute);
            for (var i = 0; i < count; i++)
            {
                counted += detector.Observe(call(minute)) ? 1 : 0;
            }
        }

        return counted;
    }

    /// <summary>A background that varies between 1 and 3 calls a minute (mean 2).</summary>
    public static int Background(long minute) => 1 + (int)(minute % 3);
}
