using System.Diagnostics;
using Contrail.Api.Auth;

namespace Contrail.Api.Tests.Auth;

/// <summary>The canonical URI and query agree with botocore's own functions for awkward inputs.</summary>
public sealed class SigV4CanonicalTests
{
    private const string BotocoreCanonical = """
        import sys
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        auth = SigV4Auth(Credentials('a', 'b'), 'cloudtrail', 'us-east-1')
        url = 'http://localhost' + sys.argv[1] + ('?' + sys.argv[2] if sys.argv[2] else '')
        request = AWSRequest(method='GET', url=url)
        print(auth.canonical_request(request).split('\n')[1])
        """;

    [Theory]
    [InlineData("/")]
    [InlineData("")]
    [InlineData("/PutAuditEvents")]
    [InlineData("/a%20b/%E2%9C%93/x~y")]
    [InlineData("/a//b/./c/../d/")]
    [InlineData("/x+y/(z)!*'")]
    [InlineData("/c%2Fd")]
    public void Uri_MatchesBotocore(string rawPath)
    {
        var (botocore, _) = Botocore(rawPath, "");

        SigV4Canonical.Uri(rawPath).ShouldBe(botocore);
    }

    [Theory]
    [InlineData("b=2&a=1")]
    [InlineData("a=2&a=1&a=10")]
    [InlineData("flag&b=")]
    [InlineData("k=a%20b%2Bc&j=~")]
    [InlineData("channelArn=arn%3Aaws%3Acloudtrail%3Aus-east-1%3A123456789012%3Achannel%2Fabc")]
    [InlineData("Z=1&a=1&_=1&-=1")]
    public void Query_EncodedQueryMatchesBotocore(string rawQuery)
    {
        var (_, botocore) = Botocore("/", rawQuery);

        SigV4Canonical.Query(SigV4Canonical.ParseQuery(rawQuery), exclude: null).ShouldBe(botocore);
    }

    [Fact]
    public void Query_NotCanonicallyEncoded_IsCanonicalisedFromTheDecodedValue()
    {
        // botocore signs the query exactly as it sends it, always RFC 3986-encoded. A query encoded otherwise
        // (by hand, or "%7E" for "~") is canonicalised from its decoded value: each name and value URI-encoded once, as the SigV4 documentation defines.
        SigV4Canonical.Query(SigV4Canonical.ParseQuery("arn=arn:aws:x/y&s=a b&t=%7e"), exclude: null).ShouldBe("arn=arn%3Aaws%3Ax%2Fy&s=a%20b&t=~");
    }

    [Fact]
    public void Headers_RepeatedNamesJoinedWithComma_WhitespaceCollapsed()
    {
        var headers = new List<KeyValuePair<string, string>> { new("X-Test", " a   b "), new("Host", "h"), new("x-test", "\tc\t d") };

        SigV4Canonical.Headers(["host", "x-test"], headers).ShouldBe("host:h\nx-test:a b,c d\n");
    }

    private static (string Uri, string Query) Botocore(string path, string query)
    {
        var start = new ProcessStartInfo("python3", ["-c", BotocoreCanonical.Replace("\r", "", StringComparison.Ordinal), path, query])
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var uri = process.StandardOutput.ReadToEnd().TrimEnd('\n');
        process.WaitForExit();
        process.ExitCode.ShouldBe(0);

        // Query: botocore's canonical query from an already-encoded URL.
        var q = new ProcessStartInfo("python3", ["-c", BotocoreCanonical.Replace("split('\\n')[1]", "split('\\n')[2]", StringComparison.Ordinal), path, query])
        {
            RedirectStandardOutput = true,
        };
        using var p2 = Process.Start(q)!;
        var canonicalQuery = p2.StandardOutput.ReadToEnd().TrimEnd('\n');
        p2.WaitForExit();
        return (uri, canonicalQuery);
    }
}
