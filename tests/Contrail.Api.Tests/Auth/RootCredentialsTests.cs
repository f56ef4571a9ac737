using Contrail.Api.Auth;

namespace Contrail.Api.Tests.Auth;

/// <summary>The root key from the environment or an owner-only file in the data directory, on the real file system.</summary>
public sealed class RootCredentialsTests : IDisposable
{
    private const string Account = "123456789012";
    private static readonly Dictionary<string, string?> NoEnvironment = [];
    private readonly string _directory = Directory.CreateTempSubdirectory("contrail-root-creds-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void LoadOrCreate_NoFile_CreatesOwnerOnlyFileInSharedCredentialsForm()
    {
        var (keyId, secret, created) = RootCredentials.LoadOrCreate(_directory, NoEnvironment, Account);

        created.ShouldBe(Path.Combine(_directory, "root-credentials"));
        File.GetUnixFileMode(created!).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        keyId.ShouldMatch("^AKIA[A-Z2-7]{16}$");
        secret.Length.ShouldBe(40);
        secret.ShouldMatch("^[A-Za-z0-9+/]{40}$");
        var lines = File.ReadAllLines(created!);
        lines.ShouldContain(l => l.StartsWith('#') && l.Contains(Account, StringComparison.Ordinal));
        lines.ShouldContain("[contrail]");
        lines.ShouldContain($"aws_access_key_id = {keyId}");
        lines.ShouldContain($"aws_secret_access_key = {secret}");
    }

    [Fact]
    public void LoadOrCreate_FileExists_ReturnsTheSameKey_AndCreatesNothing()
    {
        var first = RootCredentials.LoadOrCreate(_directory, NoEnvironment, Account);

        var second = RootCredentials.LoadOrCreate(_directory, NoEnvironment, Account);

        second.AccessKeyId.ShouldBe(first.AccessKeyId);
        second.Secret.ShouldBe(first.Secret);
        second.CreatedFile.ShouldBeNull();
    }

    [Fact]
    public void LoadOrCreate_TwoDirectories_DifferentRandomKeys()
    {
        using var other = new TempDir();

        var a = RootCredentials.LoadOrCreate(_directory, NoEnvironment, Account);
        var b = RootCredentials.LoadOrCreate(other.Path, NoEnvironment, Account);

        b.AccessKeyId.ShouldNotBe(a.AccessKeyId);
        b.Secret.ShouldNotBe(a.Secret);
    }

    [Fact]
    public void LoadOrCreate_FileReadableByBotocore_SameKey()
    {
        var (keyId, secret, created) = RootCredentials.LoadOrCreate(_directory, NoEnvironment, Account);
        var script = "import configparser,sys; c=configparser.ConfigParser(); c.read(sys.argv[1]); s=c['contrail']; print(s['aws_access_key_id']); print(s['aws_secret_access_key'])";
        var start = new System.Diagnostics.ProcessStartInfo("python3", ["-c", script, created!]) { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        output.ShouldBe($"{keyId}\n{secret}\n");
    }

    [Fact]
    public void LoadOrCreate_BothVariablesSet_UsesThem_AndWritesNoFile()
    {
        var environment = new Dictionary<string, string?>
        {
            ["CONTRAIL_ROOT_ACCESS_KEY_ID"] = "AKIAENVIRONMENTKEY00",
            ["CONTRAIL_ROOT_SECRET_ACCESS_KEY"] = "env-secret",
        };

        var (keyId, secret, created) = RootCredentials.LoadOrCreate(_directory, environment, Account);

        keyId.ShouldBe("AKIAENVIRONMENTKEY00");
        secret.ShouldBe("env-secret");
        created.ShouldBeNull();
        File.Exists(Path.Combine(_directory, "root-credentials")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("CONTRAIL_ROOT_ACCESS_KEY_ID", "CONTRAIL_ROOT_SECRET_ACCESS_KEY")]
    [InlineData("CONTRAIL_ROOT_SECRET_ACCESS_KEY", "CONTRAIL_ROOT_ACCESS_KEY_ID")]
    public void LoadOrCreate_OnlyOneVariableSet_Throws_NamingBoth(string set, string unset)
    {
        var environment = new Dictionary<string, string?> { [set] = "value", [unset] = "" };

        var error = Should.Throw<InvalidOperationException>(() => RootCredentials.LoadOrCreate(_directory, environment, Account));

        error.Message.ShouldContain(set);
        error.Message.ShouldContain(unset);
        File.Exists(Path.Combine(_directory, "root-credentials")).ShouldBeFalse();
    }

    [Theory]
    [InlineData(UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.GroupRead)]
    public void LoadOrCreate_FileAccessibleByOthers_Throws_TellingToChmod600(UnixFileMode extra)
    {
        var path = RootCredentials.LoadOrCreate(_directory, NoEnvironment, Account).CreatedFile!;
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | extra);

        var error = Should.Throw<InvalidOperationException>(() => RootCredentials.LoadOrCreate(_directory, NoEnvironment, Account));

        error.Message.ShouldContain("chmod 600");
        error.Message.ShouldContain(path);
    }

    [Fact]
    public void LoadOrCreate_FileWithoutTheProfile_Throws()
    {
        var path = Path.Combine(_directory, "root-credentials");
        File.WriteAllText(path, "[default]\naws_access_key_id = AKIAX\naws_secret_access_key = y\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Should.Throw<InvalidOperationException>(() => RootCredentials.LoadOrCreate(_directory, NoEnvironment, Account))
            .Message.ShouldContain("[contrail]");
    }

    [Fact]
    public void LoadOrCreate_CreatedKey_VerifiesARequestSignedByTheClient()
    {
        var (keyId, secret, _) = RootCredentials.LoadOrCreate(_directory, NoEnvironment, Account);
        var store = new FakeCredentialStore(keyId, secret);
        var verifier = new SigV4Verifier(store, new FixedTimeProvider(BotocoreVectors.SignedAt), "us-east-1", BotocoreVectors.Services);

        var request = ClientSignerTests.SignWithContrailClient(keyId, secret, "cloudtrail", "http://localhost:4566/", "{}"u8.ToArray(), BotocoreVectors.SignedAt);

        verifier.Verify(request).Succeeded.ShouldBeTrue();
    }

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("contrail-root-creds-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
