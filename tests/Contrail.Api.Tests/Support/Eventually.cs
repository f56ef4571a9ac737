namespace Contrail.Api.Tests.Support;

/// <summary>Waits on a condition with a deadline (never a fixed sleep).</summary>
internal static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? deadline = null, string? what = null)
    {
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Condition not met before the deadline: {what ?? "(unnamed)"}; last value: {value}");
            }

            await Task.Delay(25);
        }
    }
}
