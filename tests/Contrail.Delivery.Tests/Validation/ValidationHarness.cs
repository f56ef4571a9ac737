using Contrail.Delivery.Objects;
using Contrail.Delivery.Tests.Support;
using Contrail.Delivery.Validation;
using Contrail.Tests.Support;

namespace Contrail.Delivery.Tests.Validation;

/// <summary>A trail on a real <see cref="LocalObjectStore"/> in a temp directory, and a way to validate it.</summary>
internal sealed class ValidationHarness : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();

    public ValidationHarness(string? prefix = null, string? organizationId = null, string? sourceRegion = null)
    {
        Store = new LocalObjectStore(_temp.Path);
        Trail = new TestTrail(Store, prefix: prefix, organizationId: organizationId, sourceRegion: sourceRegion);
    }

    public LocalObjectStore Store { get; }

    public TestTrail Trail { get; }

    public string DataDirectory => _temp.Path;

    public LogValidationOptions Options(DateTimeOffset? start = null, DateTimeOffset? end = null) => new()
    {
        Store = Store,
        Bucket = Trail.Bucket,
        Prefix = Trail.Prefix,
        AccountId = Trail.AccountId,
        OrganizationId = Trail.OrganizationId,
        TrailName = Trail.TrailName,
        HomeRegion = Trail.HomeRegion,
        SourceRegion = Trail.SourceRegion,
        StartTime = start ?? T0,
        EndTime = end ?? T0.AddHours(3),
        PublicKeys = new FixedPublicKeySource([new DigestPublicKey(Trail.PublicKeyDer, Trail.Fingerprint)]),
    };

    public static async Task<(List<ValidationFinding> Findings, ValidationTally Tally)> RunAsync(LogValidationOptions options)
    {
        var validator = new LogValidator(options);
        var tally = new ValidationTally(validator.StartTime, validator.EndTime);
        var findings = new List<ValidationFinding>();
        await foreach (var finding in validator.ValidateAsync())
        {
            findings.Add(finding);
            tally.Add(finding);
        }

        return (findings, tally);
    }

    public Task<(List<ValidationFinding> Findings, ValidationTally Tally)> RunAsync(DateTimeOffset? start = null, DateTimeOffset? end = null) =>
        RunAsync(Options(start, end));

    /// <summary>The findings as short lines, for readable assertions: "D valid KEY", "L not found KEY", …</summary>
    public static List<string> Describe(IEnumerable<ValidationFinding> findings) => [.. findings.Select(f => f switch
    {
        DigestFileFinding d => $"D {(d.IsInvalid ? d.Reason : "valid")} {d.Key}",
        LogFileFinding l => $"L {(l.IsInvalid ? l.Reason : "valid")} {l.Key}",
        DigestGapFinding g => $"gap {TestTrail.Iso(g.From)} {TestTrail.Iso(g.To)}",
        DigestLinkFinding k => $"link {k.Mismatch} {k.Key}",
        DigestChainBreakFinding c => $"break {c.OlderKey} {c.MissingKey} {TestTrail.Iso(c.UncoveredFrom)} {TestTrail.Iso(c.UncoveredTo)}",
        UnlistedLogFileFinding u => $"unlisted {u.Key}",
        TrailingGzipDataFinding t => $"trailing {t.TrailingBytes} {t.Key}",
        _ => f.ToString(),
    })];

    public static List<string> Expected(IEnumerable<TestDigest> digestsNewestFirst) =>
        [.. digestsNewestFirst.SelectMany(d => new[] { $"D valid {d.Key}" }.Concat(d.LogFiles.Select(l => $"L valid {l.Key}")))];

    public async Task ReplaceAsync(string key, Func<StoredObject, (byte[] Body, IReadOnlyDictionary<string, string> Metadata)> change)
    {
        var stored = await Store.GetAsync(Trail.Bucket, key) ?? throw new InvalidOperationException($"No object {key}.");
        var (body, metadata) = change(stored);
        await Store.PutAsync(Trail.Bucket, key, body, metadata);
    }

    public void Dispose()
    {
        Trail.Dispose();
        _temp.Dispose();
    }
}
