using System.Text;
using Contrail.Store.History;

namespace Contrail.Store.Tests.History;

public sealed class EventStoreTests : IDisposable
{
    private const long Minute = 60_000_000;
    private static readonly long T0 = DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() * 1000;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "contrail-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Lookup_EachAttribute_FindsOnlyMatchingEvents()
    {
        using var store = EventStore.Open(_directory);
        store.Append(
        [
            Event("a", 1, name: "RunInstances", source: "ec2.amazonaws.com", readOnly: false, user: "alice", key: "AKIAALICE", resources: [new("AWS::EC2::Instance", "i-1")]),
            Event("b", 2, name: "DescribeInstances", source: "ec2.amazonaws.com", readOnly: true, user: "bob", key: "AKIABOB"),
            Event("c", 3, name: "CreateUser", source: "iam.amazonaws.com", readOnly: false, user: "alice", key: "AKIAALICE", resources: [new("AWS::IAM::User", "carol")]),
        ], "test", 10);

        Ids(store, (LookupAttributeKey.EventId, "b")).ShouldBe(["b"]);
        Ids(store, (LookupAttributeKey.EventName, "CreateUser")).ShouldBe(["c"]);
        Ids(store, (LookupAttributeKey.ReadOnly, "true")).ShouldBe(["b"]);
        Ids(store, (LookupAttributeKey.ReadOnly, "false")).ShouldBe(["c", "a"]);
        Ids(store, (LookupAttributeKey.Username, "alice")).ShouldBe(["c", "a"]);
        Ids(store, (LookupAttributeKey.ResourceType, "AWS::EC2::Instance")).ShouldBe(["a"]);
        Ids(store, (LookupAttributeKey.ResourceName, "carol")).ShouldBe(["c"]);
        Ids(store, (LookupAttributeKey.EventSource, "ec2.amazonaws.com")).ShouldBe(["b", "a"]);
        Ids(store, (LookupAttributeKey.AccessKeyId, "AKIABOB")).ShouldBe(["b"]);
        Ids(store).ShouldBe(["c", "b", "a"]);
    }

    [Fact]
    public void Lookup_SeveralAttributes_CombineWithAnd()
    {
        using var store = EventStore.Open(_directory);
        store.Append(
        [
            Event("a", 1, source: "ec2.amazonaws.com", user: "alice"),
            Event("b", 2, source: "ec2.amazonaws.com", user: "bob"),
            Event("c", 3, source: "iam.amazonaws.com", user: "alice"),
        ], "test", 1);

        Ids(store, (LookupAttributeKey.EventSource, "ec2.amazonaws.com"), (LookupAttributeKey.Username, "alice")).ShouldBe(["a"]);
        Ids(store, (LookupAttributeKey.EventSource, "iam.amazonaws.com"), (LookupAttributeKey.Username, "bob")).ShouldBeEmpty();
    }

    [Fact]
    public void Lookup_ReturnsResourcesAndRecord()
    {
        using var store = EventStore.Open(_directory);
        store.Append([Event("a", 1, name: "PutObject", resources: [new("AWS::S3::Object", "k"), new("AWS::S3::Bucket", null)])], "test", 1);

        var row = store.Lookup(Request([])).Rows.ShouldHaveSingleItem();
        row.EventName.ShouldBe("PutObject");
        row.EventTimeMicros.ShouldBe(T0 + Minute);
        row.Resources.ShouldBe([new EventResource("AWS::S3::Object", "k"), new EventResource("AWS::S3::Bucket", null)]);
        row.RecordJson.ShouldBe("""{"eventID":"a"}""");
    }

    [Fact]
    public void Lookup_TimeRangeIsInclusive_AndCategoriesFollowEventHistory()
    {
        using var store = EventStore.Open(_directory);
        store.Append(
        [
            Event("m", 1),
            Event("d", 2, category: "Data"),
            Event("n", 3, category: "NetworkActivity"),
            Event("act", 4, category: "ActivityAuditLog"),
            Event("i", 5, category: "Insight"),
        ], "test", 1);

        Ids(store).ShouldBe(["act", "m"]);
        store.Lookup(Request([]) with { InsightsOnly = true }).Rows.Select(r => r.EventId).ShouldBe(["i"]);
        store.Lookup(Request([]) with { StartMicros = T0 + (4 * Minute), EndMicros = T0 + (4 * Minute) }).Rows.Select(r => r.EventId).ShouldBe(["act"]);
        store.Lookup(Request([]) with { EndMicros = T0 + (4 * Minute) - 1 }).Rows.Select(r => r.EventId).ShouldBe(["m"]);
    }

    [Fact]
    public void Lookup_Pages_AreNewestFirst_Complete_AndStableWhileEventsArrive()
    {
        using var store = EventStore.Open(_directory);
        // 25 events, several sharing a timestamp so the eventID tiebreak matters.
        store.Append([.. Enumerable.Range(0, 25).Select(i => Event($"e{i:D2}", i / 3))], "test", 1);

        var seen = new List<string>();
        PageKey? after = null;
        var pages = 0;
        do
        {
            var page = store.Lookup(Request([]) with { MaxResults = 4, After = after });
            seen.AddRange(page.Rows.Select(r => r.EventId));
            after = page.Next;
            pages++;
            if (pages == 2)
            {
                // Newer events arriving mid-pagination do not shift later pages.
                store.Append([Event("new1", 100), Event("new2", 100)], "test", 2);
            }
        }
        while (after is not null);

        seen.ShouldBe(Enumerable.Range(0, 25).Reverse().Select(i => $"e{i:D2}").OrderByDescending(id => int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture) / 3).ThenByDescending(id => id, StringComparer.Ordinal).ToList());
        pages.ShouldBe(7);
    }

    [Fact]
    public void Lookup_EventsSpreadOverMonths_PagesAcrossSearchWindowsInOrder()
    {
        // Minutes apart near the end, days apart further back: pages straddle the widening windows.
        var minutes = new[] { 0, 30, 59, 61, 200, 600, 3_000, 20_000, 60_000, 120_000, 129_000 };
        using var store = EventStore.Open(_directory);
        store.Append([.. minutes.Select(m => Event($"m{m:D6}", 130_000 - m, user: m % 2 == 0 ? "even" : "odd"))], "test", 1);
        var request = Request([]) with { StartMicros = T0, EndMicros = T0 + (130_000 * Minute), MaxResults = 2 };

        var seen = new List<string>();
        PageKey? after = null;
        do
        {
            var page = store.Lookup(request with { After = after });
            page.Rows.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.Rows.Select(r => r.EventId));
            after = page.Next;
        }
        while (after is not null);

        seen.ShouldBe([.. minutes.Select(m => $"m{m:D6}")]);
        store.Lookup(request with { Attributes = [(LookupAttributeKey.Username, "odd")], MaxResults = 50 }).Rows.Select(r => r.EventId)
            .ShouldBe([.. minutes.Where(m => m % 2 == 1).Select(m => $"m{m:D6}")]);
        store.Lookup(request with { StartMicros = T0 + (129_000 * Minute), MaxResults = 50 }).Rows.Select(r => r.EventId)
            .ShouldBe([.. minutes.Where(m => m <= 1_000).Select(m => $"m{m:D6}")]);
    }

    [Fact]
    public void Append_ForeignIds_AreDeduplicated_AcrossBatchesAndWithinOne()
    {
        using var store = EventStore.Open(_directory);
        store.Append([Event("x", 1, foreign: true), Event("x", 1, foreign: true), Event("y", 1, foreign: true)], "test", 1).ShouldBe(2);
        store.Append([Event("x", 2, foreign: true), Event("z", 2, foreign: true), Event("own", 2)], "test", 2).ShouldBe(2);

        store.Count().ShouldBe(4);
        Ids(store, (LookupAttributeKey.EventId, "x")).ShouldBe(["x"]);
    }

    [Fact]
    public void Append_CursorCommitsWithRows_AndSurvivesReopen()
    {
        using (var store = EventStore.Open(_directory))
        {
            store.GetCursor("indexer").ShouldBeNull();
            store.Append([Event("a", 1)], "indexer", 100);
            store.Append([Event("b", 2)], "indexer", 250);
            store.GetCursor("indexer").ShouldBe(250);
            store.GetCursor("other").ShouldBeNull();
        }

        using var reopened = EventStore.Open(_directory);
        reopened.GetCursor("indexer").ShouldBe(250);
        Ids(reopened).ShouldBe(["b", "a"]);
    }

    [Fact]
    public void DeleteOlderThan_RemovesOnlyOlderEvents()
    {
        using var store = EventStore.Open(_directory);
        store.Append([Event("old", 1), Event("edge", 5), Event("new", 9)], "test", 1);

        store.DeleteOlderThan(T0 + (5 * Minute)).ShouldBe(1);
        Ids(store).ShouldBe(["new", "edge"]);
    }

    [Fact]
    public async Task Lookup_ConcurrentReadersWhileWriting_SeeConsistentResults()
    {
        using var store = EventStore.Open(_directory);
        var writer = Task.Run(() =>
        {
            for (var b = 0; b < 50; b++)
            {
                store.Append([.. Enumerable.Range(0, 20).Select(i => Event($"b{b:D2}-{i:D2}", b))], "test", b);
            }
        });
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!writer.IsCompleted)
            {
                var rows = store.Lookup(Request([]) with { MaxResults = 50 }).Rows;
                rows.Select(r => (r.EventTimeMicros, r.EventId)).ShouldBe(rows.Select(r => (r.EventTimeMicros, r.EventId)).OrderByDescending(k => k.EventTimeMicros).ThenByDescending(k => k.EventId, StringComparer.Ordinal));
            }
        })).ToArray();

        await Task.WhenAll([writer, .. readers]);
        store.Count().ShouldBe(1000);
    }

    private static List<string> Ids(EventStore store, params (LookupAttributeKey, string)[] attributes) =>
        [.. store.Lookup(Request(attributes)).Rows.Select(r => r.EventId)];

    private static LookupRequest Request(IReadOnlyList<(LookupAttributeKey, string)> attributes) =>
        new(attributes, T0, T0 + (1000 * Minute), InsightsOnly: false, MaxResults: 50, After: null);

    private static IndexedEvent Event(
        string id,
        int minute,
        string? name = null,
        string? source = null,
        bool? readOnly = null,
        string? user = null,
        string? key = null,
        EventResource[]? resources = null,
        string category = "Management",
        bool foreign = false) => new()
        {
            EventId = id,
            EventTimeMicros = T0 + (minute * Minute),
            EventName = name,
            EventSource = source,
            ReadOnly = readOnly,
            Username = user,
            AccessKeyId = key,
            Resources = resources ?? [],
            EventCategory = category,
            IdIsForeign = foreign,
            RecordJson = Encoding.UTF8.GetBytes($$"""{"eventID":"{{id}}"}"""),
        };
}
