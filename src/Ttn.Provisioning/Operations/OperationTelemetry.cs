using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// The trace span, metrics and closing log of one operation; every instrument is tagged with the operation. Only the
/// <see cref="OperationRunner"/> uses it, so an operation's telemetry is the same whatever the operation.
/// </summary>
internal sealed class OperationTelemetry : IDisposable
{
    private readonly ProvisioningOperation _operation;
    private readonly string _tenantId;
    private readonly TtsRequestCounter _requests;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Activity? _activity;
    private readonly long _started;
    private bool _finished;

    private OperationTelemetry(
        ProvisioningOperation operation, string tenantId, TtsRequestCounter requests, TimeProvider time, ILogger logger)
    {
        _operation = operation;
        _tenantId = tenantId;
        _requests = requests;
        _time = time;
        _logger = logger;
        _started = time.GetTimestamp();
        _activity = ProvisioningDiagnostics.ActivitySource.StartActivity($"Ttn.Provisioning {operation}");
        _activity?.SetTag("ttn_provisioning.tenant_id", tenantId);
        _activity?.SetTag("ttn_provisioning.operation", operation.ToString());
    }

    public static OperationTelemetry Start(
        ProvisioningOperation operation, string tenantId, TtsRequestCounter requests, TimeProvider time, ILogger logger) =>
        new(operation, tenantId, requests, time, logger);

    /// <summary>Records how the operation ended.</summary>
    public void Finish(OperationResult result)
    {
        _finished = true;
        var outcome = result.Outcome;
        _activity?.SetTag("ttn_provisioning.outcome", outcome.ToString());
        if (outcome is ProvisioningOutcome.Failed or ProvisioningOutcome.UseStartFresh)
        {
            _activity?.SetStatus(ActivityStatusCode.Error, outcome.ToString());
            if (result.Error is { } error)
            {
                Log.StepFailed(
                    _logger,
                    _tenantId,
                    error.Step,
                    error.HttpStatus,
                    error.ErrorName,
                    error.CorrelationId,
                    error.IsTransient,
                    error.Message);
                ProvisioningDiagnostics.StepFailures.Add(
                    1,
                    new KeyValuePair<string, object?>("operation", _operation.ToString()),
                    new KeyValuePair<string, object?>("step", error.Step?.ToString()),
                    new KeyValuePair<string, object?>("transient", error.IsTransient));
            }
        }

        Record(outcome.ToString());
        Log.OperationFinished(_logger, _tenantId, _operation, outcome);
    }

    public void Dispose()
    {
        if (!_finished)
        {
            // An exception escaped (misuse, a store failure, the caller's cancellation): say so on the span and the metrics.
            _activity?.SetStatus(ActivityStatusCode.Error, "exception");
            Record("exception");
        }

        _activity?.Dispose();
    }

    private void Record(string outcome)
    {
        var operation = new KeyValuePair<string, object?>("operation", _operation.ToString());
        ProvisioningDiagnostics.OperationDuration.Record(
            _time.GetElapsedTime(_started).TotalSeconds, operation, new KeyValuePair<string, object?>("outcome", outcome));
        if (_requests.Count > 0)
        {
            ProvisioningDiagnostics.TtsRequests.Add(_requests.Count, operation);
        }
    }
}
