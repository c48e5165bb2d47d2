using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ttn.Provisioning.AspNetCore.HealthChecks;

/// <summary>The <c>ttn-things-stack</c> check: the probe's (possibly cached) answer, with its age.</summary>
internal sealed class ThingsStackHealthCheck(ThingsStackProbe probe, TimeSpan cacheFor) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var answer = await probe.CheckAsync(cacheFor, cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object> { ["checkedAt"] = answer.At };
        return answer.IsHealthy
            ? HealthCheckResult.Healthy(answer.Description, data)
            : new HealthCheckResult(context.Registration.FailureStatus, answer.Description, data: data);
    }
}
