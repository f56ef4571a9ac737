using System.Text;
using Contrail.Delivery.Digests;
using Contrail.Delivery.Tests.Support;

namespace Contrail.Delivery.Tests.Digests;

/// <summary>
/// The key file format (docs/dev/signing-keys.md) against a file made outside Contrail: the key by
/// <c>openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048</c>, the JSON, fingerprint and
/// signature by Python (<c>cryptography</c>, <c>json.dumps(indent=2)</c>). Fails when the format's bytes change.
/// </summary>
public sealed class SigningKeyFileGoldenTests : IDisposable
{
    private const string FileName = "20240101T000000Z-5bb35da2b289bb7be6c6718ea4757a0b.json";
    private const string Fingerprint = "5bb35da2b289bb7be6c6718ea4757a0b";

    // cryptography's key.sign(Message, PKCS1v15(), SHA256()).
    private const string Signature =
        "067058848720c61a42886c392dad48fdad483f54555c9636f798d8a8d6f52803adc9cc9e28bd217df91da807371ac7f4a6bb41def0c825bb530bf6ad606e7d54"
        + "53788bf4c5289e066a5ad9ea1365ef4998cb817bd3262d918b7003ae6237c6ea15bbfea7826543b37237b3c84bbc558618965002f30e6a4b32b72b3d19e2ee8a"
        + "ff76bb351a7ceae0a57206d5ae51f4dde318977e741a981942df8f5e42e467a3c1970cff6ac54d7c71ece9f2fb02f4fb2149092941d33f54bf4ff9b979ba1349"
        + "7f09398737d90929aa5cd2754991904875b9e716c33bddd4b2b83231b7dd8367b57ca0cda1b09ef29e9afaf53e1de84f2277c92de604ea82d234f4ae78584688";

    private static readonly byte[] Message = Encoding.UTF8.GetBytes(
        "2024-01-15T00:00:00Z\nbucket/AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/01/15/x.json.gz\n" + new string('0', 64) + "\nnull");

    private static readonly DateTimeOffset ValidFrom = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string GoldenPath => Path.Combine(AppContext.BaseDirectory, "Digests", "Golden", FileName);

    private SigningKeyRing OpenWithGoldenKey()
    {
        var path = Path.Combine(_temp.Path, FileName);
        File.Copy(GoldenPath, path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return SigningKeyRing.Open(_temp.Path, new ManualTimeProvider(ValidFrom.AddDays(14)), SigningKeyRing.DefaultRotation);
    }

    [Fact]
    public void GoldenKeyFile_Loads_WithItsWindowAndFingerprint_AndSignsAsPythonDid()
    {
        using var ring = OpenWithGoldenKey();

        var key = ring.KeyFor(ValidFrom.AddDays(14));

        key.Fingerprint.ShouldBe(Fingerprint);
        key.ValidFrom.ShouldBe(ValidFrom);
        key.ValidTo.ShouldBe(ValidFrom.AddDays(30));
        Convert.ToHexStringLower(key.Sign(Message)).ShouldBe(Signature);
        Directory.GetFiles(_temp.Path).Length.ShouldBe(1, "the golden key covers the moment: no key was made");
    }

    [Fact]
    public void GoldenKeyFile_WrittenBackByContrail_ByteForByte()
    {
        using var ring = OpenWithGoldenKey();
        var key = ring.KeyFor(ValidFrom);

        var written = SigningKeyFile.Serialize(key);

        Encoding.UTF8.GetString(written).ShouldBe(File.ReadAllText(GoldenPath));
        SigningKeyFile.FileName(key.ValidFrom, key.Fingerprint).ShouldBe(FileName);
    }
}
