using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Ttn.Provisioning.AspNetCore.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the health checks of Ttn.Provisioning.</summary>
public static class TtnHealthChecksBuilderExtensions
{
    /// <summary>The name of the check on The Things Stack and the admin API key.</summary>
    public const string ThingsStackCheckName = "ttn-things-stack";

    /// <summary>The name of the check on the credential store.</summary>
    public const string CredentialStoreCheckName = "ttn-credential-store";

    /// <summary>
    /// Adds two checks: <c>ttn-things-stack</c> (The Things Stack answers, and the admin API key is a user's key with the
    /// rights provisioning needs: one <c>GET /auth_info</c>, its answer reused for
    /// <see cref="TtnHealthCheckOptions.ThingsStackCacheDuration"/>) and <c>ttn-credential-store</c> (the store answers a
    /// read of one record, on every probe). Neither reports a key, a secret or a raw error from TTS or the store.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="configure">Changes the settings.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// Both checks depend on services outside the process: map them on a readiness endpoint, not a liveness one, for
    /// example <c>app.MapHealthChecks("/health/ready", new() { Predicate = c =&gt; c.Tags.Contains("ttn") })</c>.
    /// </remarks>
    public static IHealthChecksBuilder AddTtnProvisioning(
        this IHealthChecksBuilder builder, Action<TtnHealthCheckOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new TtnHealthCheckOptions();
        configure?.Invoke(options);
        if (options.ThingsStackCacheDuration < TimeSpan.Zero || options.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                "TtnHealthCheckOptions.ThingsStackCacheDuration must not be negative and Timeout must be positive.", nameof(configure));
        }

        // The probe keeps the cached answer, so it lives as long as the host; a check is created for every run.
        builder.Services.TryAddSingleton<ThingsStackProbe>();
        var tags = options.Tags.ToArray();
        builder.Add(new HealthCheckRegistration(
            ThingsStackCheckName,
            services => new ThingsStackHealthCheck(services.GetRequiredService<ThingsStackProbe>(), options.ThingsStackCacheDuration),
            options.FailureStatus,
            tags,
            options.Timeout));
        builder.Add(new HealthCheckRegistration(
            CredentialStoreCheckName,
            services => ActivatorUtilities.CreateInstance<CredentialStoreHealthCheck>(services),
            options.FailureStatus,
            tags,
            options.Timeout));
        return builder;
    }
}
