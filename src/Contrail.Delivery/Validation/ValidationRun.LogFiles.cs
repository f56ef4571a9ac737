using System.Security.Cryptography;
using Contrail.Delivery.Objects;

namespace Contrail.Delivery.Validation;

/// <summary>Log file checks (spec §3.3 step 4; AWS CLI v1 <c>_download_log</c>), run in parallel, reported in order.</summary>
internal sealed partial class ValidationRun
{
    private async Task EmitLogFilesAsync(LoadedDigest digest, CancellationToken cancellationToken)
    {
        foreach (var entry in digest.LogFiles)
        {
            await _downloads.WaitAsync(cancellationToken).ConfigureAwait(false);
            var check = Task.Run(
                async () =>
                {
                    try
                    {
                        return await CheckLogFileAsync(entry, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        _downloads.Release();
                    }
                },
                CancellationToken.None);
            await _writer.WriteAsync(check, cancellationToken).ConfigureAwait(false);
        }

        if (digest.LogFilesError is { } error)
        {
            throw new LogValidationException(error);
        }
    }

    private async Task<ValidationFinding[]> CheckLogFileAsync(LogFileEntry entry, CancellationToken cancellationToken)
    {
        if (!entry.IsAddressable)
        {
            return [new LogFileFinding(entry.Bucket, entry.Key, LogFileStatus.InvalidFormat)];
        }

        var opened = await OpenAsync(entry, cancellationToken).ConfigureAwait(false);
        if (opened is null)
        {
            return [new LogFileFinding(entry.Bucket, entry.Key, LogFileStatus.NotFound)];
        }

        // Streamed: inflated in 64 KiB pieces straight into the hash. A truncated file is hashed as far
        // as it goes (zlib's decompressobj does not complain either); a corrupt one is invalid format.
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        GzipResult gzip;
        await using (opened.ConfigureAwait(false))
        {
            gzip = await GzipFirstMember.InflateAsync(
                opened.Body,
                ct => OpenAsync(entry, ct),
                data => sha256.AppendData(data),
                cancellationToken).ConfigureAwait(false);
        }

        if (gzip.Outcome == GzipOutcome.Corrupt || !entry.HasHashValue)
        {
            return [new LogFileFinding(entry.Bucket, entry.Key, LogFileStatus.InvalidFormat)];
        }

        var computed = Convert.ToHexStringLower(sha256.GetHashAndReset());

        // Exact, case-sensitive, as the AWS CLI compares hexdigest() with hashValue.
        var status = string.Equals(computed, entry.HashValue, StringComparison.Ordinal) ? LogFileStatus.Valid : LogFileStatus.HashMismatch;
        var finding = new LogFileFinding(entry.Bucket, entry.Key, status);
        return _settings.ContrailChecks && gzip.TrailingBytes > 0
            ? [finding, new TrailingGzipDataFinding(entry.Bucket, entry.Key, gzip.TrailingBytes)]
            : [finding];
    }

    private async Task<OpenedObject?> OpenAsync(LogFileEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            return await Store.OpenReadAsync(entry.Bucket, entry.Key, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            // A name the store cannot even hold: no such object.
            return null;
        }
    }
}
