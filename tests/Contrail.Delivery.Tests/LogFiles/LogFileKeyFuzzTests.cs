using Contrail.Delivery.LogFiles;

namespace Contrail.Delivery.Tests.LogFiles;

public sealed class LogFileKeyFuzzTests
{
    private const string Mutations = "/_.-0123456789aAzZoT:\\ \0é";

    [Fact]
    public void TryParse_MutatedKeys_EitherRejectedOrExactRoundTrip()
    {
        var random = new Random(20261201);
        var seeds = new[]
        {
            LogFileKey.Create("audit/prod", "o-exampleorgid", "111122223333", "eu-west-1", new DateTimeOffset(2024, 2, 29, 23, 59, 0, TimeSpan.Zero), "Mu0KsOhtH1ar15ZZ").Key,
            LogFileKey.Create(null, null, "111122223333", "us-east-2", new DateTimeOffset(2015, 8, 1, 2, 10, 0, TimeSpan.Zero), "9nYN7gp2eWAJHIfT", LogFileKind.Insight).Key,
        };
        var accepted = 0;
        for (var i = 0; i < 20000; i++)
        {
            var chars = seeds[i % seeds.Length].ToCharArray().ToList();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0:
                        chars[at] = Mutations[random.Next(Mutations.Length)];
                        break;
                    case 1:
                        chars.RemoveAt(at);
                        break;
                    default:
                        chars.Insert(at, Mutations[random.Next(Mutations.Length)]);
                        break;
                }
            }

            var key = new string([.. chars]);
            if (LogFileKey.TryParse(key, out var parsed))
            {
                accepted++;
                parsed.Key.ShouldBe(key);
                LogFileKey.Create(parsed.KeyPrefix, parsed.OrganizationId, parsed.AccountId, parsed.Region,
                    parsed.DeliveryTime, parsed.Unique, parsed.Kind).ShouldBe(parsed);
            }
        }

        // Some mutations stay valid (another digit in the account, a letter in the unique part): the check ran.
        accepted.ShouldBeGreaterThan(0);
    }
}
