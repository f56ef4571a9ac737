using Contrail.Api.Tests.Support;
using Contrail.Delivery.Objects;
using Contrail.Tests.Support;
using Contrail.Validate;

namespace Contrail.Api.Tests.Validate;

/// <summary>
/// A trail's files in a Contrail data directory (<see cref="LocalObjectStore"/>), its public keys in a file, and
/// <c>contrail validate-logs</c> run on them through the command's entry point, stdout and stderr captured.
/// </summary>
internal sealed class ValidateLogsHarness : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public ValidateLogsHarness(string? prefix = null, string? organizationId = null)
    {
        Directory = TempDirectory.Create("validate-logs");
        DataDirectory = Path.Combine(Directory, "data");
        Store = new LocalObjectStore(DataDirectory);
        Trail = new TestTrail(Store, prefix: prefix, organizationId: organizationId);
        KeysFile = Path.Combine(Directory, "keys.json");
        File.WriteAllText(KeysFile, Trail.PublicKeysJson);
        System.IO.Directory.CreateDirectory(DataDirectory);
    }

    public string Directory { get; }

    public string DataDirectory { get; }

    public LocalObjectStore Store { get; }

    public TestTrail Trail { get; }

    public string KeysFile { get; }

    public string Bucket => Trail.Bucket;

    /// <summary>The usual arguments: the trail, 00:00–03:00, the bucket, the keys file, the data directory.</summary>
    public string[] Arguments(params string[] more) =>
    [
        "--trail-arn", Trail.TrailArn, "--start-time", "2024-01-01T00:00:00Z", "--end-time", "2024-01-01T03:00:00Z",
        "--s3-bucket", Bucket, "--public-keys", KeysFile, "--data-dir", DataDirectory, .. more,
    ];

    public static async Task<CommandResult> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? environment = null, TimeProvider? time = null, bool terminal = false)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new ValidateLogsHost(stdout, stderr, terminal, environment ?? new Dictionary<string, string?>(), time ?? TimeProvider.System);
        var exit = await ValidateLogsCommand.RunAsync(args, host);
        return new CommandResult(exit, stdout.ToString(), stderr.ToString());
    }

    public Task<CommandResult> RunAsync(params string[] more) => RunAsync(Arguments(more), environment: null);

    public async Task ReplaceAsync(string key, Func<StoredObject, (byte[] Body, IReadOnlyDictionary<string, string> Metadata)> change)
    {
        var stored = await Store.GetAsync(Bucket, key) ?? throw new InvalidOperationException($"No object {key}.");
        var (body, metadata) = change(stored);
        await Store.PutAsync(Bucket, key, body, metadata);
    }

    public string S3(string key) => $"s3://{Bucket}/{key}";

    public void Dispose()
    {
        Trail.Dispose();
        TempDirectory.Delete(Directory);
    }
}
