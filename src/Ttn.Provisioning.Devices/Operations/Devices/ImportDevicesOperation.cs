using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.DeviceImport;
using Ttn.Provisioning.DeviceRegistration;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;

using DeviceLog = Ttn.Provisioning.DeviceRegistration.Log;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Imports devices as a resumable job: reads and validates every row first (nothing is sent when one is invalid, and a
/// dry run stops there), reads which devices the application holds (for the device limit, and to adopt those already
/// registered), then registers the rest a few at a time, recording each row's result in the device store.
/// </summary>
internal sealed class ImportDevicesOperation : DeviceOperation<DeviceImportResult>
{
    private const int MaxJobIdLength = 64;

    private readonly Func<DeviceImportOptions, CancellationToken, Task<ImportInput>> _read;
    private readonly DeviceImportOptions _options;

    /// <exception cref="ArgumentException">The job id, the concurrency or the request rate is not valid.</exception>
    public ImportDevicesOperation(
        DeviceServices services, Func<DeviceImportOptions, CancellationToken, Task<ImportInput>> read, DeviceImportOptions? options)
        : base(services)
    {
        _read = read;
        _options = options ?? new DeviceImportOptions();
        if (!DeviceImportOptions.IsValidConcurrency(_options.MaxConcurrency))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxConcurrency, "MaxConcurrency must be 1 to 64.");
        }

        if (!DeviceImportOptions.IsValidRate(_options.MaxRequestsPerSecond))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), _options.MaxRequestsPerSecond, "MaxRequestsPerSecond must be positive (or null for no pacing).");
        }

        if (_options.JobId is { } jobId
            && (jobId.Length is 0 or > MaxJobIdLength || !jobId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new ArgumentException($"A job id is 1 to {MaxJobIdLength} letters, digits, '-', '_' or '.'.", nameof(options));
        }
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.ImportDevices;

    /// <summary>A dry run changes nothing, so it is not written to the history.</summary>
    public override bool IsRecorded => !_options.DryRun;

    protected override DeviceImportResult CreateResult(TenantRecord? record) => new()
    {
        JobId = _options.JobId,
        IsDryRun = _options.DryRun,
    };

    protected override async Task<DeviceImportResult> ExecuteAsync(DeviceSession session, CancellationToken cancellationToken)
    {
        var input = await _read(_options, cancellationToken).ConfigureAwait(false);
        var result = new Builder(_options, input);
        if (input.Errors.Count > 0)
        {
            var message = $"{input.Errors.Count} error(s) in the input; nothing was registered. See ValidationErrors.";
            return result.Build(ProvisioningOutcome.Failed, Error(session, message));
        }

        if (_options.DryRun)
        {
            return result.Build(ProvisioningOutcome.Succeeded, null);
        }

        var listing = await session.Context.ListAsync(
            "Listing the tenant's devices",
            () => session.Client.ListEndDevicesAsync(session.ApiKey, session.ApplicationId, cancellationToken: cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (!listing.Succeeded)
        {
            return result.Build(ProvisioningOutcome.Failed, listing.Failure.ToError(null, session.Now));
        }

        var listed = listing.Value.ToDictionary(
            d => d.Ids.DeviceId, d => new ListedDevice(d.Ids.DevEui, d.Ids.JoinEui), StringComparer.Ordinal);
        var added = input.Rows.Count(r => !listed.ContainsKey(r.Device.DeviceId!));
        if (DeviceLimit.Exceeds(session, listed.Count, added) is { } tooMany)
        {
            return result.Build(ProvisioningOutcome.Failed, tooMany);
        }

        result.JobId = _options.JobId ?? Guid.NewGuid().ToString("N");
        var (run, refusal) = await ImportJobRun.StartAsync(
            Services.Store,
            Services.Time,
            Services.Options.LeaseDuration,
            session.TenantId,
            result.JobId,
            input.Fingerprint(),
            input.TotalRows,
            cancellationToken).ConfigureAwait(false);
        return run is not null
            ? await RunAsync(session, run, result, listed, cancellationToken).ConfigureAwait(false)
            : refusal == ImportJobRun.Refusal.Busy
                ? result.Build(ProvisioningOutcome.AlreadyInProgress, null)
                : result.Build(
                    ProvisioningOutcome.Failed,
                    Error(session, $"Import job '{result.JobId}' was started with other devices; give this import another job id."));
    }

    private async Task<DeviceImportResult> RunAsync(
        DeviceSession session,
        ImportJobRun run,
        Builder result,
        Dictionary<string, ListedDevice> listed,
        CancellationToken cancellationToken)
    {
        var input = result.Input;
        var finished = run.Earlier.Where(r => r.Succeeded).Select(r => r.Row).ToHashSet();
        var todo = input.Rows.Where(r => !finished.Contains(r.Row)).ToList();
        var started = finished.Count == 0 ? "started" : "resumed";
        DeviceLog.ImportJob(session.Logger, session.TenantId, run.JobId, started, finished.Count, 0, input.TotalRows);
        var importer = new DeviceImporter(session, run, _options, input.TotalRows, finished.Count);
        ImportRunOutcome outcome;
        try
        {
            outcome = await importer.RunAsync(todo, listed, _options.MaxConcurrency, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await run.ReleaseAsync().ConfigureAwait(false);
            throw;
        }

        result.Rows = [.. run.Earlier.Where(r => finished.Contains(r.Row)).Concat(outcome.Rows).OrderBy(r => r.Row)];
        result.ResumedRows = finished.Count;
        result.Elapsed = outcome.Elapsed;
        result.DevicesPerSecond = outcome.Elapsed > TimeSpan.Zero ? outcome.Rows.Count / outcome.Elapsed.TotalSeconds : 0;
        var completed = !outcome.LeaseLost && await run.CompleteAsync().ConfigureAwait(false);
        var ended = completed ? "completed" : "stopped: another run took it over";
        var succeeded = result.Rows.Count(r => r.Succeeded);
        DeviceLog.ImportJob(session.Logger, session.TenantId, run.JobId, ended, succeeded, result.Rows.Count - succeeded, input.TotalRows);
        return result.Build(completed ? ProvisioningOutcome.Succeeded : ProvisioningOutcome.AlreadyInProgress, null);
    }

    /// <summary>Collects what the result says as the import goes.</summary>
    private sealed class Builder(DeviceImportOptions options, ImportInput input)
    {
        public ImportInput Input => input;

        public string? JobId { get; set; } = options.JobId;

        public IReadOnlyList<DeviceImportRow> Rows { get; set; } = [];

        public int ResumedRows { get; set; }

        public TimeSpan Elapsed { get; set; }

        public double DevicesPerSecond { get; set; }

        public DeviceImportResult Build(ProvisioningOutcome outcome, Storage.TenantError? error) => new()
        {
            Outcome = outcome,
            JobId = JobId,
            IsDryRun = options.DryRun,
            ValidationErrors = input.Errors,
            TotalRows = input.TotalRows,
            Rows = Rows,
            ResumedRows = ResumedRows,
            Elapsed = Elapsed,
            DevicesPerSecond = DevicesPerSecond,
            Error = error,
        };
    }
}
