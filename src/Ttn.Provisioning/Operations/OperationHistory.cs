using Microsoft.Extensions.Logging;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Writes the history entry of an operation that ended with a result (the <see cref="OperationRunner"/> calls it for
/// every operation that changes, tests or reveals a tenant). A failed write is logged and counted, never passed on: the
/// operation it records has already happened.
/// </summary>
internal sealed class OperationHistory
{
    private readonly ICredentialStore _store;
    private readonly int _maxEntries;
    private readonly ILogger _logger;

    public OperationHistory(ICredentialStore store, int maxEntries, ILogger logger)
    {
        _store = store;
        _maxEntries = maxEntries;
        _logger = logger;
    }

    /// <summary>Appends the entry of <paramref name="result"/>; never throws but for the process running out of memory.</summary>
    public async Task RecordAsync(
        ProvisioningOperation operation, ProvisioningCaller caller, OperationResult result, DateTimeOffset startedAt, TimeSpan duration)
    {
        var error = result.Error;
        var entry = new TenantHistoryEntry(
            tenantId: caller.TenantId,
            occurredAt: startedAt,
            operation: operation,
            userId: caller.UserId,
            role: caller.Role,
            outcome: result.Outcome,
            failedStep: error?.Step,
            message: error?.Message,
            errorName: error?.ErrorName,
            correlationId: error?.CorrelationId,
            ttsRequestCount: result.TtsRequestCount,
            duration: duration);
        try
        {
            // Not the caller's token: the operation is done, and what it did is worth recording even if the caller has gone.
            await _store.AppendHistoryAsync(entry, _maxEntries, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            Log.HistoryWriteFailed(_logger, caller.TenantId, operation, failure.GetType().Name, failure);
            ProvisioningDiagnostics.HistoryWriteFailures.Add(1, new KeyValuePair<string, object?>("operation", operation.ToString()));
        }
    }
}
