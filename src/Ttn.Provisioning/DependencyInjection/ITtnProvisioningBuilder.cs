using System.Diagnostics.CodeAnalysis;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning;
using Ttn.Provisioning.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures Ttn.Provisioning after <c>AddTtnProvisioning</c>: the credential store, HTTP, policy, admin key and audit.</summary>
public interface ITtnProvisioningBuilder
{
    /// <summary>The service collection being configured.</summary>
    IServiceCollection Services { get; }

    /// <summary>Keeps tenant records in process memory (the default): for tests, samples and single-instance hosts.</summary>
    /// <returns>This builder.</returns>
    ITtnProvisioningBuilder UseInMemoryCredentialStore();

    /// <summary>Keeps tenant records in the host's own store, registered as a singleton.</summary>
    /// <typeparam name="TStore">The store; its compare-and-swap write must be atomic.</typeparam>
    /// <returns>This builder.</returns>
    ITtnProvisioningBuilder UseCredentialStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>()
        where TStore : class, ICredentialStore;

    /// <summary>Configures the HTTP client that talks to The Things Stack (add handlers, set a primary handler for tests).</summary>
    /// <param name="configure">Receives the client's <see cref="IHttpClientBuilder"/>.</param>
    /// <returns>This builder.</returns>
    ITtnProvisioningBuilder ConfigureHttpClient(Action<IHttpClientBuilder> configure);

    /// <summary>Changes the role × operation table.</summary>
    /// <param name="configure">Receives the table, starting from the default.</param>
    /// <returns>This builder.</returns>
    ITtnProvisioningBuilder ConfigureRolePolicy(Action<RolePolicyOptions> configure);

    /// <summary>Supplies the admin API key from the host (for example from a vault) instead of the options.</summary>
    /// <typeparam name="TProvider">The provider, registered as a singleton.</typeparam>
    /// <returns>This builder.</returns>
    ITtnProvisioningBuilder UseAdminApiKeyProvider<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TProvider>()
        where TProvider : class, IAdminApiKeyProvider;

    /// <summary>Records every credential read in the host's audit trail.</summary>
    /// <typeparam name="TSink">The sink, registered as a singleton.</typeparam>
    /// <returns>This builder.</returns>
    ITtnProvisioningBuilder UseCredentialAuditSink<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSink>()
        where TSink : class, ICredentialAuditSink;
}
