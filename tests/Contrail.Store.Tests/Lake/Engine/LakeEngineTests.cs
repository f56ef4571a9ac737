using System.Text;
using Contrail.Store.Lake;
using Contrail.Store.Tests.Lake.DuckDb;

namespace Contrail.Store.Tests.Lake.Engine;

public sealed class LakeEngineTests : IDisposable
{
    private const string Store = "11111111-2222-4333-8444-555555555555";

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Append_SamplesTwice_StoresEachEventIdOnce()
    {
        using var engine = Open();
        long appended = 0, duplicates = 0, rejected = 0;
        foreach (var batch in LakeSamples.Json())
        {
            var result = engine.Append(Store, batch);
            (appended, duplicates, rejected) = (appended + result.Appended, duplicates + result.Duplicates, rejected + result.Rejected);
        }

        appended.ShouldBe(LakeSamples.Distinct.Count);
        engine.Count(Store).ShouldBe(LakeSamples.Distinct.Count);

        foreach (var batch in LakeSamples.Json())
        {
            var again = engine.Append(Store, batch);
            again.Appended.ShouldBe(0);
        }

        engine.Count(Store).ShouldBe(LakeSamples.Distinct.Count);
    }

    [Fact]
    public void Append_DuplicateInBatchAndBadRecords_CountsEach()
    {
        using var engine = Open();
        var result = engine.Append(Store, [Record("a", "2024-01-01T00:00:00Z"), Record("a", "2024-01-01T00:00:00Z"), Record("b", "2024-01-02T00:00:00Z"), Bytes("not json"), Bytes("""{"eventName":"NoId"}""")]);

        result.ShouldBe(new LakeAppendResult(2, 1, 2));
        engine.Count(Store).ShouldBe(2);
    }

    [Fact]
    public void Append_ResentEventWithoutTime_IsStillADuplicate()
    {
        using var engine = Open();
        engine.Append(Store, [Bytes("""{"eventID":"x","eventName":"A"}""")]).Appended.ShouldBe(1);
        engine.Append(Store, [Bytes("""{"eventID":"x","eventName":"A"}"""), Record("y", "2024-01-01T00:00:00Z")]).ShouldBe(new LakeAppendResult(1, 1, 0));
        engine.Count(Store).ShouldBe(2);
    }

    [Fact]
    public void Expire_RemovesEventsBeforeTheTime()
    {
        using var engine = Open();
        engine.Append(Store, [Record("a", "2024-01-01T00:00:00Z"), Record("b", "2024-01-02T00:00:00Z"), Record("c", "2024-01-03T00:00:00Z")]);

        engine.Expire(Store, new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero)).ShouldBe(1);

        engine.Count(Store).ShouldBe(2);
    }

    [Fact]
    public async Task Delete_DropsTheStore_AndQueriesNoLongerFindIt()
    {
        using var engine = Open();
        engine.Append(Store, [Record("a", "2024-01-01T00:00:00Z")]);

        engine.Delete(Store).ShouldBeTrue();

        engine.Count(Store).ShouldBeNull();
        engine.StoreIds.ShouldNotContain(Store);
        var result = await engine.QueryAsync($"SELECT count(*) FROM {Store}");
        result.Outcome.ShouldBe(LakeQueryOutcome.StoreNotFound);
        engine.Delete(Store).ShouldBeFalse();
    }

    [Fact]
    public void Open_Again_KeepsStoresAndEvents()
    {
        using (var engine = Open())
        {
            engine.Append(Store.ToUpperInvariant(), [Record("a", "2024-01-01T00:00:00Z")]);
            engine.CreateStore("22222222-2222-4333-8444-555555555555").ShouldBeTrue();
        }

        using var reopened = Open();
        reopened.StoreIds.Order().ShouldBe(["11111111-2222-4333-8444-555555555555", "22222222-2222-4333-8444-555555555555"]);
        reopened.Count(Store).ShouldBe(1);
        reopened.Count("22222222-2222-4333-8444-555555555555").ShouldBe(0);
    }

    [Fact]
    public async Task QueryAsync_WhileAppending_RunsConcurrentlyAndSeesWholeBatches()
    {
        using var engine = Open();
        engine.CreateStore(Store);
        const int batches = 20, size = 50;
        var append = Task.Run(() =>
        {
            for (var b = 0; b < batches; b++)
            {
                engine.Append(Store, [.. Enumerable.Range(0, size).Select(i => Record($"{b}-{i}", $"2024-01-{b + 1:00}T00:00:{i:00}Z"))]);
            }
        });
        var counts = new System.Collections.Concurrent.ConcurrentBag<long>();
        var queries = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            do
            {
                var result = await engine.QueryAsync($"SELECT count(*) FROM {Store}");
                result.ErrorMessage.ShouldBeNull();
                counts.Add(long.Parse(result.Rows[0][0]!, System.Globalization.CultureInfo.InvariantCulture));
            }
            while (!append.IsCompleted);
        })).ToList();

        await append;
        await Task.WhenAll(queries);

        counts.ShouldNotBeEmpty();
        counts.ShouldAllBe(c => c % size == 0);
        engine.Count(Store).ShouldBe(batches * size);
    }

    [Fact]
    public void CreateStore_NotAUuid_Throws()
    {
        using var engine = Open();
        Should.Throw<ArgumentException>(() => engine.CreateStore("events"));
    }

    private LakeEngine Open() => LakeEngine.Open(new LakeEngineOptions { Directory = _directory.Path, Threads = 2, MemoryLimitBytes = 256L << 20 });

    private static ReadOnlyMemory<byte> Record(string id, string time) =>
        Bytes($$"""{"eventVersion":"1.08","eventID":"{{id}}","eventTime":"{{time}}","eventName":"PutObject","eventSource":"s3.amazonaws.com"}""");

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
