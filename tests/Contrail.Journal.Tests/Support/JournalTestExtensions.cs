namespace Contrail.Journal.Tests.Support;

internal static class JournalTestExtensions
{
    public static Journal OpenJournal(this TestDirectory directory, long segmentBytes = 64 << 20) =>
        Journal.Open(new JournalOptions { Directory = directory.Path, SegmentBytes = segmentBytes });

    /// <summary>Every committed record from <paramref name="from"/> on.</summary>
    public static List<JournalRecord> ReadAll(this Journal journal, long from = 0)
    {
        var records = new List<JournalRecord>();
        using var reader = journal.OpenReader(from);
        while (reader.ReadBatch(records, 100, 1 << 20) > 0)
        {
        }

        return records;
    }

    /// <summary>Appends one payload per id, one append each; returns the end positions.</summary>
    public static async Task<List<long>> AppendEachAsync(this Journal journal, IEnumerable<long> ids, int size)
    {
        var ends = new List<long>();
        foreach (var id in ids)
        {
            ends.Add(await journal.AppendAsync([Payloads.Make(id, size)]));
        }

        return ends;
    }
}
