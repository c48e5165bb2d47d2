using Ttn.Provisioning.DeviceRegistration;
using Ttn.Provisioning.Devices;

namespace Ttn.Provisioning.DeviceImport;

/// <summary>What a run of an import did.</summary>
/// <param name="Rows">The rows this run finished.</param>
/// <param name="LeaseLost">Whether another run took the job over (this run stopped).</param>
/// <param name="Elapsed">How long the registering took.</param>
internal sealed record ImportRunOutcome(IReadOnlyList<DeviceImportRow> Rows, bool LeaseLost, TimeSpan Elapsed);

/// <summary>
/// Registers an import's rows, a few at a time (<see cref="DeviceImportOptions.MaxConcurrency"/>) and no faster than
/// <see cref="DeviceImportOptions.MaxRequestsPerSecond"/> allows, each with roll-back (<see cref="DeviceRegistrar"/>);
/// writes each row's result to the job as it ends and reports the progress.
/// </summary>
internal sealed class DeviceImporter
{
    private readonly DeviceSession _session;
    private readonly ImportJobRun _run;
    private readonly IProgress<DeviceImportProgress>? _progress;
    private readonly RegistrationPacer? _pacer;
    private readonly Lock _gate = new();
    private readonly List<DeviceImportRow> _finished = [];
    private readonly int _total;
    private int _done;
    private int _failed;
    private long _started;

    public DeviceImporter(DeviceSession session, ImportJobRun run, DeviceImportOptions options, int total, int doneBefore)
    {
        _session = session;
        _run = run;
        _progress = options.Progress;
        _pacer = options.MaxRequestsPerSecond is { } rate ? new RegistrationPacer(session.Services.Time, rate) : null;
        _total = total;
        _done = doneBefore;
    }

    public async Task<ImportRunOutcome> RunAsync(
        IReadOnlyList<ImportRow> rows,
        IReadOnlyDictionary<string, ListedDevice> listed,
        int maxConcurrency,
        CancellationToken cancellationToken)
    {
        var time = _session.Services.Time;
        _started = time.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var leaseLost = false;
        try
        {
            await Parallel.ForEachAsync(
                rows,
                new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = stop.Token },
                async (row, token) =>
                {
                    if (_pacer is not null)
                    {
                        await _pacer.WaitAsync(token).ConfigureAwait(false);
                    }

                    var outcome = await DeviceRegistrar.RegisterAsync(
                        _session, row.Device, listed.GetValueOrDefault(row.Device.DeviceId!), token).ConfigureAwait(false);
                    var result = new DeviceImportRow
                    {
                        Row = row.Row,
                        DeviceId = outcome.DeviceId,
                        Outcome = outcome.Status,
                        Reason = outcome.Reason,
                    };
                    if (!await _run.RecordAsync(result).ConfigureAwait(false))
                    {
                        leaseLost = true;
                        await stop.CancelAsync().ConfigureAwait(false);
                    }

                    Report(result, time);
                }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (leaseLost && !cancellationToken.IsCancellationRequested)
        {
            // Another run has the job now; it continues with the rows this one did not finish.
        }

        lock (_gate)
        {
            return new ImportRunOutcome([.. _finished], leaseLost, time.GetElapsedTime(_started));
        }
    }

    private void Report(DeviceImportRow row, TimeProvider time)
    {
        DeviceImportProgress progress;
        lock (_gate)
        {
            _finished.Add(row);
            if (row.Succeeded)
            {
                _done++;
            }
            else
            {
                _failed++;
            }

            var elapsed = time.GetElapsedTime(_started);
            var perSecond = elapsed > TimeSpan.Zero ? _finished.Count / elapsed.TotalSeconds : 0;
            progress = new DeviceImportProgress(_total, _done, _failed, elapsed, perSecond) { LastRow = row };
        }

        _progress?.Report(progress);
    }
}
