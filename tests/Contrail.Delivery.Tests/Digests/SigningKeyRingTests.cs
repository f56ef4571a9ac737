using System.Security.Cryptography;
using System.Text;
using Contrail.Delivery.Digests;
using Contrail.Delivery.Tests.Support;

namespace Contrail.Delivery.Tests.Digests;

public sealed class SigningKeyRingTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 10, 30, 15, TimeSpan.Zero);
    private static readonly TimeSpan Rotation = TimeSpan.FromDays(30);
    private static readonly byte[] Message = Encoding.UTF8.GetBytes("2024-03-01T11:30:15Z\nbucket/AWSLogs/111122223333/CloudTrail-Digest/x.json.gz\nabc\nnull");

    private readonly TempDirectory _temp = new();
    private readonly ManualTimeProvider _clock = new(T0);

    private string KeysDirectory => Path.Combine(_temp.Path, "data", "keys");

    public void Dispose() => _temp.Dispose();

    private SigningKeyRing Open() => SigningKeyRing.Open(KeysDirectory, _clock, Rotation);

    private string[] KeyFiles() => Directory.GetFiles(KeysDirectory).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void KeyFor_FirstUse_MakesAnRsa2048KeyValidFromNowForTheRotation()
    {
        using var ring = Open();
        ring.Between(DateTimeOffset.MinValue, DateTimeOffset.MaxValue).ShouldBeEmpty();
        _clock.Now = T0.AddMilliseconds(700);

        var key = ring.KeyFor(T0.AddMinutes(5));

        key.ValidFrom.ShouldBe(T0, "min(at, now), whole seconds");
        key.ValidTo.ShouldBe(T0 + Rotation);
        using var rsa = RSA.Create();
        rsa.ImportRSAPublicKey(key.PublicKeyDer, out _);
        rsa.KeySize.ShouldBe(2048);
        KeyFiles().Select(Path.GetFileName).ShouldBe([$"20240301T103015Z-{key.Fingerprint}.json"]);
        ring.KeyFor(T0.AddDays(29)).ShouldBeSameAs(key, "a moment the key covers gets it, no new key");
        KeyFiles().Length.ShouldBe(1);
    }

    [Fact]
    public void KeyFor_AtBeforeNow_KeyStartsAtThatSecond()
    {
        using var ring = Open();

        var key = ring.KeyFor(T0.AddHours(-3).AddMilliseconds(999));

        key.ValidFrom.ShouldBe(T0.AddHours(-3));
        key.ValidTo.ShouldBe(T0.AddHours(-3) + Rotation);
    }

    [Fact]
    public void KeyFor_AtBeyondARotationAhead_KeyStillCoversIt()
    {
        using var ring = Open();
        var far = T0 + Rotation + TimeSpan.FromDays(1);

        var key = ring.KeyFor(far);

        key.ValidFrom.ShouldBe(far);
        ring.KeyFor(far).ShouldBeSameAs(key);
    }

    [Fact]
    public void Open_AfterKeyFor_ReloadsTheSameKey_AndItsSignaturesVerify()
    {
        string fingerprint;
        byte[] der, signature;
        using (var first = Open())
        {
            var key = first.KeyFor(T0);
            (fingerprint, der, signature) = (key.Fingerprint, key.PublicKeyDer, key.Sign(Message));
        }

        using var second = Open();
        var reloaded = second.KeyFor(T0.AddDays(1));

        reloaded.Fingerprint.ShouldBe(fingerprint);
        reloaded.PublicKeyDer.ShouldBe(der);
        reloaded.ValidFrom.ShouldBe(T0);
        reloaded.ValidTo.ShouldBe(T0 + Rotation);
        reloaded.Public.Verify(Message, signature).ShouldBeTrue("a signature made before the restart verifies after it");
        reloaded.Sign(Message).ShouldBe(signature, "PKCS#1 v1.5 is deterministic: the same private key signs the same bytes");
        KeyFiles().Length.ShouldBe(1);
    }

    [Fact]
    public void Open_CreatesTheDirectoryOwnerOnly_AndKeyFilesAre0600()
    {
        using var ring = Open();
        File.GetUnixFileMode(KeysDirectory).ShouldBe(OwnerOnlyDirectory);

        ring.KeyFor(T0);
        _clock.Advance(Rotation);
        ring.KeyFor(_clock.Now);

        var files = KeyFiles();
        files.Length.ShouldBe(2);
        foreach (var file in files)
        {
            File.GetUnixFileMode(file).ShouldBe(OwnerOnlyFile, file);
        }

        Directory.GetFiles(KeysDirectory, "*.tmp").ShouldBeEmpty();
    }

    [Fact]
    public void KeyFor_AfterTheRotation_MakesASecondKey_TheOldOneStillListedAndUsedForOlderTimes()
    {
        using var ring = Open();
        var first = ring.KeyFor(T0);
        _clock.Advance(Rotation + TimeSpan.FromHours(1));

        var second = ring.KeyFor(_clock.Now);

        second.Fingerprint.ShouldNotBe(first.Fingerprint);
        second.ValidFrom.ShouldBe(_clock.Now);
        ring.Between(T0, _clock.Now).Select(k => k.Fingerprint).ShouldBe([first.Fingerprint, second.Fingerprint]);
        ring.KeyFor(T0.AddDays(10)).ShouldBeSameAs(first, "a digest of an older time is signed with the key of its time");
        ring.KeyFor(_clock.Now.AddMinutes(1)).ShouldBeSameAs(second);

        using var reopened = Open();
        reopened.Between(DateTimeOffset.MinValue, DateTimeOffset.MaxValue).Select(k => k.Fingerprint).ShouldBe([first.Fingerprint, second.Fingerprint]);
    }

    [Fact]
    public void KeyFor_OverlappingKeys_TheOneThatStartsLastWins()
    {
        using var ring = Open();
        var current = ring.KeyFor(T0);
        // No key covers T0 - 10 days: a key starting then is made, and it overlaps the current one.
        var older = ring.KeyFor(T0.AddDays(-10));

        older.ValidFrom.ShouldBe(T0.AddDays(-10));
        older.ValidTo.ShouldBeGreaterThan(current.ValidFrom);
        ring.KeyFor(T0.AddDays(1)).ShouldBeSameAs(current, "both cover it; the current key starts last");
        ring.KeyFor(T0.AddDays(-1)).ShouldBeSameAs(older);
    }

    [Fact]
    public void Between_ListsEveryKeyWhoseValidityOverlapsTheClosedRange()
    {
        using var ring = Open();
        var a = ring.KeyFor(T0);                      // [T0, T0+30d)
        _clock.Advance(Rotation + TimeSpan.FromDays(5));
        var b = ring.KeyFor(_clock.Now);              // [T0+35d, T0+65d)

        string[] Listed(DateTimeOffset start, DateTimeOffset end) => ring.Between(start, end).Select(k => k.Fingerprint).ToArray();

        Listed(T0.AddDays(-2), T0.AddDays(-1)).ShouldBeEmpty("entirely before the first key");
        Listed(T0.AddDays(-1), T0).ShouldBe([a.Fingerprint], "the range's end is inclusive: it touches ValidFrom");
        Listed(a.ValidTo, a.ValidTo.AddDays(1)).ShouldBeEmpty("ValidTo is exclusive, and the gap has no key");
        Listed(a.ValidTo.AddSeconds(-1), a.ValidTo.AddSeconds(-1)).ShouldBe([a.Fingerprint], "a single moment inside");
        Listed(T0.AddDays(10), T0.AddDays(40)).ShouldBe([a.Fingerprint, b.Fingerprint], "ordered by ValidFrom");
        Listed(T0.AddDays(36), T0.AddDays(37)).ShouldBe([b.Fingerprint]);
        Listed(b.ValidTo, DateTimeOffset.MaxValue).ShouldBeEmpty();
        var info = ring.Between(T0, T0).Single();
        info.ShouldBe(a.Public);
        (info.Der, info.ValidFrom, info.ValidTo, info.Fingerprint).ShouldBe((a.PublicKeyDer, a.ValidFrom, a.ValidTo, a.Fingerprint));
    }

    [Fact]
    public void Between_StartAfterEnd_Throws()
    {
        using var ring = Open();

        Should.Throw<ArgumentOutOfRangeException>(() => ring.Between(T0, T0.AddSeconds(-1)));
    }

    [Fact]
    public async Task KeyFor_EightConcurrentCallers_MakeOneKey()
    {
        using var ring = Open();
        using var barrier = new Barrier(8);

        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Factory.StartNew(() =>
        {
            barrier.SignalAndWait();
            return ring.KeyFor(T0.AddSeconds(i));
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))).WaitAsync(TimeSpan.FromMinutes(1));

        keys.Select(k => k.Fingerprint).Distinct().Count().ShouldBe(1);
        KeyFiles().Length.ShouldBe(1);
    }

    [Fact]
    public void Fingerprint_IsMd5OfTheDer_WhichIsPkcs1RsaPublicKeyOf2048Bits()
    {
        using var ring = Open();

        var key = ring.KeyFor(T0);

        key.Fingerprint.ShouldBe(Convert.ToHexStringLower(MD5.HashData(key.PublicKeyDer)));
        key.Fingerprint.ShouldMatch("^[0-9a-f]{32}$");
        var base64 = Convert.ToBase64String(key.PublicKeyDer);
        base64.ShouldStartWith("MIIBCgKCAQEA", Case.Sensitive, "SEQUENCE { INTEGER (257 bytes) …: PKCS#1, not SubjectPublicKeyInfo (MIIBIjAN…)");
        base64.ShouldEndWith("IDAQAB", Case.Sensitive, "public exponent 65537");
        key.PublicKeyDer.Length.ShouldBe(270);
    }

    [Fact]
    public void Sign_IsSha256WithRsa_VerifiedByAKeyRebuiltFromTheDerOnly()
    {
        using var ring = Open();
        var key = ring.KeyFor(T0);

        var signature = key.Sign(Message);

        signature.Length.ShouldBe(256);
        using var rsa = RSA.Create();
        rsa.ImportRSAPublicKey(key.PublicKeyDer, out var read);
        read.ShouldBe(key.PublicKeyDer.Length);
        rsa.VerifyData(Message, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).ShouldBeTrue();
        var info = new PublicKeyInfo(key.PublicKeyDer.ToArray(), key.ValidFrom, key.ValidTo, key.Fingerprint);
        info.Verify(Message, signature).ShouldBeTrue();
        info.Verify(Message.Append((byte)'x').ToArray(), signature).ShouldBeFalse();
        info.Verify(Message, signature[..100]).ShouldBeFalse("a malformed signature is false, not an exception");
    }

    [Fact]
    public void Sign_VerifiedByPythonRsa_AsTheAwsCliV1LoadsListPublicKeysValue()
    {
        using var ring = Open();
        var key = ring.KeyFor(T0);
        var signature = key.Sign(Message);

        // awscli v1 customizations/cloudtrail/validation.py: rsa.PublicKey.load_pkcs1(base64.b64decode(Value), format='DER'),
        // then rsa.verify(string_to_sign, signature, public_key).
        var output = Python.Run("""
            import base64, hashlib, sys, rsa
            der = base64.b64decode(sys.argv[1])
            key = rsa.PublicKey.load_pkcs1(der, format='DER')
            print(rsa.verify(base64.b64decode(sys.argv[2]), base64.b64decode(sys.argv[3]), key), hashlib.md5(der).hexdigest(), key.n.bit_length())
            """,
            Convert.ToBase64String(key.PublicKeyDer), Convert.ToBase64String(Message), Convert.ToBase64String(signature));

        output.Trim().ShouldBe($"SHA-256 {key.Fingerprint} 2048");
    }

    [Theory]
    [InlineData("not-json")]
    [InlineData("truncated")]
    [InlineData("wrong-fingerprint")]
    [InlineData("public-key-swapped")]
    [InlineData("private-key-is-public")]
    [InlineData("bad-validity")]
    [InlineData("renamed")]
    [InlineData("group-readable")]
    public void Open_DamagedKeyFile_ThrowsNamingTheFile_AndMakesNoKey(string damage)
    {
        string path;
        using (var ring = Open())
        {
            path = Path.Combine(KeysDirectory, SigningKeyFileName(ring.KeyFor(T0)));
        }

        using (var other = SigningKeyRing.Open(Path.Combine(_temp.Path, "other"), _clock, Rotation))
        {
            var otherKey = other.KeyFor(T0);
            var text = File.ReadAllText(path);
            switch (damage)
            {
                case "not-json":
                    File.WriteAllText(path, "-----BEGIN PRIVATE KEY-----\n");
                    break;
                case "truncated":
                    File.WriteAllText(path, text[..(text.Length / 2)]);
                    break;
                case "wrong-fingerprint":
                    File.WriteAllText(path, text.Replace("\"fingerprint\": \"", "\"fingerprint\": \"0", StringComparison.Ordinal));
                    break;
                case "public-key-swapped":
                    var line = text.Split('\n').Single(l => l.Contains("\"publicKey\"", StringComparison.Ordinal));
                    File.WriteAllText(path, text.Replace(line, $"  \"publicKey\": \"{Convert.ToBase64String(otherKey.PublicKeyDer)}\",", StringComparison.Ordinal));
                    break;
                case "private-key-is-public":
                    var start = text.IndexOf("-----BEGIN PRIVATE KEY-----", StringComparison.Ordinal);
                    var end = text.IndexOf("-----END PRIVATE KEY-----", StringComparison.Ordinal) + "-----END PRIVATE KEY-----".Length;
                    var publicPem = PemEncoding.Write("RSA PUBLIC KEY", otherKey.PublicKeyDer);
                    File.WriteAllText(path, text[..start] + new string(publicPem).Replace("\n", "\\n", StringComparison.Ordinal) + text[end..]);
                    break;
                case "bad-validity":
                    File.WriteAllText(path, text.Replace("\"validTo\": \"2024-03-31T10:30:15Z\"", "\"validTo\": \"2024-02-31T10:30:15Z\"", StringComparison.Ordinal));
                    break;
                case "renamed":
                    var renamed = Path.Combine(KeysDirectory, "20240301T103016Z-" + Path.GetFileName(path)[17..]);
                    File.Move(path, renamed);
                    path = renamed;
                    break;
                case "group-readable":
                    File.SetUnixFileMode(path, OwnerOnlyFile | UnixFileMode.GroupRead);
                    break;
            }
        }

        File.ReadAllText(path).ShouldNotBe(string.Empty);
        var thrown = Should.Throw<SigningKeyCorruptedException>(() => Open());

        thrown.KeyPath.ShouldBe(path);
        thrown.Message.ShouldContain(path);
        thrown.Message.ShouldContain("never regenerated");
        KeyFiles().ShouldBe([path], "nothing was made in the damaged key's place");
    }

    [Fact]
    public void Open_LeftoverTempFileIsDeleted_OtherFilesAreIgnored()
    {
        Directory.CreateDirectory(KeysDirectory);
        var leftover = Path.Combine(KeysDirectory, "20240301T103015Z-00000000000000000000000000000000.json.tmp");
        var readme = Path.Combine(KeysDirectory, "README");
        File.WriteAllText(leftover, "{\"formatVer");
        File.WriteAllText(readme, "keys");

        using var ring = Open();

        File.Exists(leftover).ShouldBeFalse();
        File.Exists(readme).ShouldBeTrue();
        ring.Between(DateTimeOffset.MinValue, DateTimeOffset.MaxValue).ShouldBeEmpty();
    }

    [Fact]
    public void Open_RotationUnderOneSecond_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => SigningKeyRing.Open(KeysDirectory, _clock, TimeSpan.FromMilliseconds(999)));

    [Fact]
    public void KeyFor_AfterDispose_Throws()
    {
        var ring = Open();
        ring.Dispose();

        Should.Throw<ObjectDisposedException>(() => ring.KeyFor(T0));
    }

    private static string SigningKeyFileName(SigningKey key) => SigningKeyFile.FileName(key.ValidFrom, key.Fingerprint);
}
