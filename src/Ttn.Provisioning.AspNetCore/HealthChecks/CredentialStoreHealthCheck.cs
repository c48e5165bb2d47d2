using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.AspNetCore.HealthChecks;

/// <summary>
/// The <c>ttn-credential-store</c> check: the store answers a read of one record (a tenant id no host uses). Nothing is
/// opened or written. A failure is reported by its exception type only; the exception itself goes to the log.
/// </summary>
internal sealed class CredentialStoreHealthCheck(ICredentialStore store, ILogger<CredentialStoreHealthCheck>? logger = null) : IHealthCheck
{
    /// <summary>The tenant id read: reading it costs one lookup by key, whether or not it exists.</summary>
    public const string ProbeTenantId = "ttn-provisioning-health-probe";

    private readonly ILogger _logger = logger ?? NullLogger<CredentialStoreHealthCheck>.Instance;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await store.GetAsync(ProbeTenantId, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The credential store answered.");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.CredentialStoreUnhealthy(_logger, exception);
            return new HealthCheckResult(
                context.Registration.FailureStatus, $"The credential store could not be read ({exception.GetType().Name}; see the log).");
        }
    }
}
