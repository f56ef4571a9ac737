using System.Threading.Channels;
using Contrail.Delivery.Objects;

namespace Contrail.Delivery.Validation;

/// <summary>
/// One run of <see cref="LogValidator"/>: the producer side, which walks the digests (one thread of
/// control), starts log file checks on the thread pool (at most <see cref="ValidationSettings.MaxParallelDownloads"/>
/// at once) and writes every result, finished or not, to the channel in report order.
/// </summary>
internal sealed partial class ValidationRun
{
    private readonly ValidationSettings _settings;
    private readonly ChannelWriter<Task<ValidationFinding[]>> _writer;
    private readonly DigestKeyLayout _layout;
    private readonly DigestKeyListing _listing;
    private readonly SemaphoreSlim _downloads;

    public ValidationRun(ValidationSettings settings, ChannelWriter<Task<ValidationFinding[]>> writer)
    {
        _settings = settings;
        _writer = writer;
        _layout = new DigestKeyLayout(settings.AccountId, settings.OrganizationId, settings.TrailName, settings.HomeRegion, settings.SourceRegion);
        _listing = new DigestKeyListing(settings.Store, _layout);
        _downloads = new SemaphoreSlim(settings.MaxParallelDownloads, settings.MaxParallelDownloads);
    }

    private IObjectStore Store => _settings.Store;

    public async Task ProduceAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var reader = new DigestReader(Store, _settings.PublicKeys, _settings.HomeRegion);
            await TraverseAsync(reader, backfill: false, cancellationToken).ConfigureAwait(false);
            await TraverseAsync(reader, backfill: true, cancellationToken).ConfigureAwait(false);
            if (_settings.ContrailChecks)
            {
                await CheckCoverageAsync(reader, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // A fault ends the run where it happened: after everything reported before it.
            await _writer.WriteAsync(Task.FromException<ValidationFinding[]>(e), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writer.TryComplete();
        }
    }

    /// <summary>After the reader stopped early: waits for the producer and every queued check, ignoring their outcome.</summary>
    public static async Task AbandonAsync(Task producer, ChannelReader<Task<ValidationFinding[]>> queued)
    {
        try
        {
            await producer.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The reader has stopped (cancelled, or failed on an earlier result); nothing more to report.
        }

        while (queued.TryRead(out var pending))
        {
            try
            {
                await pending.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // As above.
            }
        }
    }

    private ValueTask EmitAsync(ValidationFinding finding, CancellationToken cancellationToken) =>
        _writer.WriteAsync(Task.FromResult<ValidationFinding[]>([finding]), cancellationToken);
}
