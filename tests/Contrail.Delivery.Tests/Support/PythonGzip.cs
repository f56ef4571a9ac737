namespace Contrail.Delivery.Tests.Support;

/// <summary>
/// Inflates files with python3 the two ways CloudTrail tooling does: <c>gzip.decompress</c> and a
/// streaming <c>zlib.decompressobj(zlib.MAX_WBITS | 16)</c> (how <c>aws cloudtrail validate-logs</c>
/// reads log files, spec §1.1), and reports whether the first member ends the file.
/// </summary>
internal static class PythonGzip
{
    private const string Script = """
        import gzip, hashlib, sys, zlib
        for path in sys.argv[1:]:
            data = open(path, 'rb').read()
            whole = gzip.decompress(data)
            d = zlib.decompressobj(zlib.MAX_WBITS | 16)
            streamed = b''.join(d.decompress(data[i:i + 2048]) for i in range(0, len(data), 2048)) + d.flush()
            single = d.eof and d.unused_data == b''
            same = whole == streamed
            print(path, hashlib.sha256(streamed).hexdigest(), 'single' if single else 'multi', 'same' if same else 'differ')
        """;

    public sealed record Result(string Sha256OfInflated, bool SingleMember, bool BothAgree);

    public static IReadOnlyDictionary<string, Result> Inflate(IReadOnlyList<string> paths)
    {
        var results = new Dictionary<string, Result>(StringComparer.Ordinal);
        foreach (var line in Python.Run(Script, [.. paths]).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            results[parts[0]] = new Result(parts[1], parts[2] == "single", parts[3] == "same");
        }

        return results;
    }
}
