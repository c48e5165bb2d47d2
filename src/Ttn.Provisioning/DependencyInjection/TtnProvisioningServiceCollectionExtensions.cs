using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;
using Ttn.Provisioning.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Ttn.Provisioning to a Microsoft.Extensions.DependencyInjection container.</summary>
public static class TtnProvisioningServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IProvisioningService"/> and everything it needs: the Things Stack HTTP client (over
    /// <c>IHttpClientFactory</c>, with retries and timeouts), the secret protector, the role policy, and an in-memory
    /// credential store (replace it with <see cref="ITtnProvisioningBuilder.UseCredentialStore{TStore}"/>). Options are
    /// validated when the host starts. Registrations use TryAdd, so a host's own registrations win.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder for the rest of the configuration.</returns>
    /// <example>
    /// <code>
    /// services.AddTtnProvisioning(o =>
    /// {
    ///     o.ThingsStack.UseTheThingsNetworkCloud(defaultCluster: "nam1");
    ///     o.AdminApiKey = configuration["Ttn:AdminApiKey"];
    ///     o.WebhookBaseUrl = new Uri("https://api.example.com/ttn/webhook");
    ///     o.Secrets.Keys.Add(new SecretKeyOptions { Id = "2026-11", Key = configuration["Ttn:SecretKey"]! });
    ///     o.Secrets.PrimaryKeyId = "2026-11";
    /// });
    /// </code>
    /// </example>
    public static ITtnProvisioningBuilder AddTtnProvisioning(this IServiceCollection services, Action<TtnProvisioningOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<TtnProvisioningOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TtnProvisioningOptions>, TtnProvisioningOptionsValidator>());
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<TtnProvisioningOptions>>(new AdminApiKeyValidator(services)));

        // The nested settings feed the options of the parts that own them, so each part validates its own.
        services.AddOptions<SecretProtectionOptions>()
            .Configure<IOptions<TtnProvisioningOptions>>((target, source) => CopySecrets(source.Value.Secrets, target))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<SecretProtectionOptions>, SecretProtectionOptionsValidator>());
        var httpClient = services.AddThingsStackClient(static _ => { });
        services.AddOptions<ThingsStackOptions>()
            .Configure<IOptions<TtnProvisioningOptions>>((target, source) => CopyThingsStack(source.Value.ThingsStack, target));

        services.AddOptions<RolePolicyOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISecretProtector, AesGcmSecretProtector>();
        services.TryAddSingleton<IRolePolicyEvaluator, RolePolicyEvaluator>();
        services.TryAddSingleton<ICredentialStore, InMemoryCredentialStore>();
        services.TryAddSingleton<IAdminApiKeyProvider, OptionsAdminApiKeyProvider>();
        services.TryAddSingleton<ICredentialAuditSink, NullCredentialAuditSink>();
        services.TryAddSingleton<WebhookVerifier>();
        services.TryAddSingleton<IProvisioningService, ProvisioningService>();
        return new TtnProvisioningBuilder(services, httpClient);
    }

    internal static void CopyThingsStack(ThingsStackOptions source, ThingsStackOptions target)
    {
        target.IdentityServerUri = source.IdentityServerUri;
        target.Clusters.Clear();
        foreach (var (name, root) in source.Clusters)
        {
            target.Clusters[name] = root;
        }

        target.DefaultCluster = source.DefaultCluster;
        target.AttemptTimeout = source.AttemptTimeout;
        target.TotalTimeout = source.TotalTimeout;
        target.MaxRetryAttempts = source.MaxRetryAttempts;
        target.BaseRetryDelay = source.BaseRetryDelay;
        target.MaxRetryDelay = source.MaxRetryDelay;
        target.PageSize = source.PageSize;
    }

    internal static void CopySecrets(SecretProtectionOptions source, SecretProtectionOptions target)
    {
        target.Keys.Clear();
        foreach (var key in source.Keys)
        {
            target.Keys.Add(key);
        }

        target.PrimaryKeyId = source.PrimaryKeyId;
        target.LegacySalt = source.LegacySalt;
        target.AllowLegacyFormatsUntil = source.AllowLegacyFormatsUntil;
    }

    private sealed class TtnProvisioningBuilder(IServiceCollection services, IHttpClientBuilder httpClient) : ITtnProvisioningBuilder
    {
        public IServiceCollection Services { get; } = services;

        public ITtnProvisioningBuilder UseInMemoryCredentialStore()
        {
            Services.Replace(ServiceDescriptor.Singleton<ICredentialStore, InMemoryCredentialStore>());
            return this;
        }

        public ITtnProvisioningBuilder UseCredentialStore<[DynamicallyAccessedMembers(
            DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>()
            where TStore : class, ICredentialStore
        {
            Services.Replace(ServiceDescriptor.Singleton<ICredentialStore, TStore>());
            return this;
        }

        public ITtnProvisioningBuilder ConfigureHttpClient(Action<IHttpClientBuilder> configure)
        {
            ArgumentNullException.ThrowIfNull(configure);
            configure(httpClient);
            return this;
        }

        public ITtnProvisioningBuilder ConfigureRolePolicy(Action<RolePolicyOptions> configure)
        {
            Services.Configure(configure);
            return this;
        }

        public ITtnProvisioningBuilder UseAdminApiKeyProvider<[DynamicallyAccessedMembers(
            DynamicallyAccessedMemberTypes.PublicConstructors)] TProvider>()
            where TProvider : class, IAdminApiKeyProvider
        {
            Services.Replace(ServiceDescriptor.Singleton<IAdminApiKeyProvider, TProvider>());
            return this;
        }

        public ITtnProvisioningBuilder UseCredentialAuditSink<[DynamicallyAccessedMembers(
            DynamicallyAccessedMemberTypes.PublicConstructors)] TSink>()
            where TSink : class, ICredentialAuditSink
        {
            Services.Replace(ServiceDescriptor.Singleton<ICredentialAuditSink, TSink>());
            return this;
        }
    }
}

/// <summary>The default <see cref="IAdminApiKeyProvider"/>: <see cref="TtnProvisioningOptions.AdminApiKey"/>.</summary>
internal sealed class OptionsAdminApiKeyProvider(IOptions<TtnProvisioningOptions> options) : IAdminApiKeyProvider
{
    public ValueTask<string?> GetAdminApiKeyAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(options.Value.AdminApiKey is { Length: > 0 } key ? key : null);
}
