using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Contrail.Delivery.Validation;

/// <summary>
/// Validates a trail's digest and log files the way <c>aws cloudtrail validate-logs</c> does (spec §3.3,
/// following AWS CLI v1 1.45.11 step by step), plus the checks the AWS CLI does not make
/// (docs/validate-logs.md). Independent of the server: it reads an <see cref="Objects.IObjectStore"/> and
/// asks an <see cref="IPublicKeySource"/> for keys.
/// </summary>
/// <remarks>
/// Digests are read one after another (each names the next); the log files of valid digests are
/// downloaded and hashed in parallel (<see cref="LogValidationOptions.MaxParallelDownloads"/>), and every
/// finding is still reported in the order the AWS CLI would print it. One run per call of
/// <see cref="ValidateAsync"/>; an instance may run several times.
/// </remarks>
public sealed partial class LogValidator
{
    private readonly ValidationSettings _settings;

    /// <summary>Creates a validator; <paramref name="options"/> are validated and copied.</summary>
    /// <param name="options">What to validate.</param>
    /// <param name="timeProvider">The clock for a missing <see cref="LogValidationOptions.EndTime"/> (now); default the system clock.</param>
    /// <exception cref="ArgumentException">An option is missing or invalid.</exception>
    public LogValidator(LogValidationOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var end = options.EndTime ?? (timeProvider ?? TimeProvider.System).GetUtcNow();
        if (options.StartTime > end)
        {
            throw new ArgumentException("The start time must not be after the end time (now).", nameof(options));
        }

        _settings = new ValidationSettings(
            options.Store!,
            options.Bucket!,
            options.Prefix,
            options.AccountId!,
            options.OrganizationId,
            options.TrailName!,
            options.HomeRegion!,
            options.SourceRegion ?? options.HomeRegion!,
            options.StartTime,
            end,
            options.PublicKeys!,
            options.MaxParallelDownloads,
            options.ContrailChecks);
    }

    /// <summary>The start of the requested range.</summary>
    public DateTimeOffset StartTime => _settings.StartTime;

    /// <summary>The end of the requested range (the given end, or the time the validator was made).</summary>
    public DateTimeOffset EndTime => _settings.EndTime;

    /// <summary>
    /// Runs the validation, yielding findings in the AWS CLI's order: for each digest, newest first, its
    /// verdict and then those of its log files; gaps and missing digests where the chain shows them;
    /// Contrail's own findings after the digest they concern, and unlisted log files at the end. Feed them
    /// to a <see cref="ValidationTally"/> for the summary.
    /// </summary>
    /// <exception cref="LogValidationException">Validation cannot go on (the AWS CLI stops there too); findings before it were yielded.</exception>
    /// <exception cref="IOException">The store failed other than with a missing object (<see cref="Objects.ObjectStoreException"/>).</exception>
    public async IAsyncEnumerable<ValidationFinding> ValidateAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Each item is a batch of findings, possibly still being computed (a log file's hash): read in
        // order, awaited in order. The bound keeps a slow reader from piling up finished results.
        var channel = Channel.CreateBounded<Task<ValidationFinding[]>>(new BoundedChannelOptions(Math.Max(64, _settings.MaxParallelDownloads * 4))
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var run = new ValidationRun(_settings, channel.Writer);
        var producer = Task.Run(() => run.ProduceAsync(stop.Token), CancellationToken.None);
        var finished = false;
        try
        {
            await foreach (var pending in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var finding in await pending.ConfigureAwait(false))
                {
                    yield return finding;
                }
            }

            await producer.ConfigureAwait(false);
            finished = true;
        }
        finally
        {
            if (!finished)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await ValidationRun.AbandonAsync(producer, channel.Reader).ConfigureAwait(false);
            }
        }
    }
}
