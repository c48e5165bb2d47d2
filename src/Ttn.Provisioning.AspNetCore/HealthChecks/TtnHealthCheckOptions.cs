using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ttn.Provisioning.AspNetCore.HealthChecks;

/// <summary>Settings of the health checks added by <c>AddTtnProvisioning()</c> on <c>IHealthChecksBuilder</c>.</summary>
public sealed class TtnHealthCheckOptions
{
    /// <summary>
    /// How long the Things Stack check's answer is reused before TTS is asked again, so a probe every few seconds is not a
    /// request every few seconds. Defaults to 1 minute; zero asks on every probe.
    /// </summary>
    public TimeSpan ThingsStackCacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long each check may take before it is reported as failed. Defaults to 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The status reported when a check fails. Defaults to <see cref="HealthStatus.Unhealthy"/>.</summary>
    public HealthStatus FailureStatus { get; set; } = HealthStatus.Unhealthy;

    /// <summary>The tags of both checks, for <c>MapHealthChecks</c> predicates. Defaults to <c>ttn</c>.</summary>
    public IList<string> Tags { get; } = ["ttn"];
}
