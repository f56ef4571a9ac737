using System.Text.Json;
using Contrail.Api.Tests.Support;

namespace Contrail.Api.Tests.Trails;

/// <summary>ListTrails pagination through boto3's paginator: more trails than a page, seeded in <c>trails.json</c> (CreateTrail stops at 5).</summary>
public sealed class TrailsBoto3PaginationTests
{
    [Fact]
    public async Task Boto3_ListTrailsPaginator_SeededCatalogOf61_EveryTrailOnceInOrder()
    {
        var directory = TempDirectory.Create("list-trails-pages");
        try
        {
            TrailTagsAndLimitsTests.SeedTrails(directory, 61, "page-");
            await using var server = await TestServer.StartAsync(directory);

            var run = await Processes.PythonAsync(server.ClientEnvironment(), "trails_pagination.py");
            run.ExitCode.ShouldBe(0, run.Stderr);
            var result = JsonDocument.Parse(run.Stdout).RootElement;

            result.GetProperty("pages").GetInt32().ShouldBe(2);
            result.GetProperty("listed").EnumerateArray().Select(e => e.GetString()).ShouldBe(Enumerable.Range(0, 61).Select(i => $"page-{i:D2}"));
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }
}
