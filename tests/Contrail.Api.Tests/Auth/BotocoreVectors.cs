using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Contrail.Api.Auth;

namespace Contrail.Api.Tests.Auth;

/// <summary>
/// Requests signed by botocore itself (<c>botocore_vectors.py</c>): the checked-in
/// <c>botocore-vectors.json</c>, or a fresh run of the script against the installed botocore.
/// </summary>
internal static class BotocoreVectors
{
    public const string AccessKeyId = "AKIDEXAMPLE";
    public const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string Region = "us-east-1";
    public static readonly DateTimeOffset SignedAt = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly IReadOnlySet<string> Services = new HashSet<string>(StringComparer.Ordinal) { "cloudtrail", "cloudtrail-data" };

    private static readonly Lazy<Dictionary<string, SigV4Request>> Stored = new(() => Parse(File.ReadAllText(Path.Combine(Directory(), "botocore-vectors.json"))));

    public static IEnumerable<string> Names => Stored.Value.Keys;

    public static SigV4Request Get(string name) => Stored.Value[name];

    public static SigV4Verifier Verifier(out FixedTimeProvider clock)
    {
        clock = new FixedTimeProvider(SignedAt);
        return new SigV4Verifier(new FakeCredentialStore(AccessKeyId, Secret), clock, Region, Services);
    }

    /// <summary>Runs the script with python3 and botocore now, so the vectors are not stale.</summary>
    public static Dictionary<string, SigV4Request> Regenerate()
    {
        var start = new ProcessStartInfo("python3", [Path.Combine(Directory(), "botocore_vectors.py")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, stderr.Result);
        return Parse(stdout.Result);
    }

    /// <summary>A copy of <paramref name="request"/> with some parts replaced.</summary>
    public static SigV4Request With(
        this SigV4Request request,
        string? method = null,
        string? path = null,
        string? query = null,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null,
        ReadOnlyMemory<byte>? body = null) => new()
        {
            Method = method ?? request.Method,
            RawPath = path ?? request.RawPath,
            RawQuery = query ?? request.RawQuery,
            Headers = headers ?? request.Headers,
            Body = body ?? request.Body,
        };

    /// <summary>Headers with every <paramref name="name"/> removed, or its value transformed.</summary>
    public static List<KeyValuePair<string, string>> Header(this SigV4Request request, string name, Func<string, string?> change)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var (n, v) in request.Headers)
        {
            if (!string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                result.Add(new(n, v));
            }
            else if (change(v) is { } changed)
            {
                result.Add(new(n, changed));
            }
        }

        return result;
    }

    private static Dictionary<string, SigV4Request> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        root.GetProperty("time").GetString().ShouldBe(SignedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        root.GetProperty("accessKeyId").GetString().ShouldBe(AccessKeyId);
        root.GetProperty("secret").GetString().ShouldBe(Secret);
        var result = new Dictionary<string, SigV4Request>(StringComparer.Ordinal);
        foreach (var v in root.GetProperty("vectors").EnumerateArray())
        {
            var headers = v.GetProperty("headers").EnumerateArray()
                .Select(h => new KeyValuePair<string, string>(h[0].GetString()!, h[1].GetString()!))
                .ToList();
            result[v.GetProperty("name").GetString()!] = new SigV4Request
            {
                Method = v.GetProperty("method").GetString()!,
                RawPath = v.GetProperty("path").GetString()!,
                RawQuery = v.GetProperty("query").GetString()!,
                Headers = headers,
                Body = Convert.FromBase64String(v.GetProperty("body").GetString()!),
            };
        }

        return result;
    }

    private static string Directory([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
