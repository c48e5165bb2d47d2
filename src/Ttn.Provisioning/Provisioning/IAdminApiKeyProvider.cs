namespace Ttn.Provisioning;

/// <summary>
/// Supplies the admin (user) API key the library provisions with. It is never stored in the credential store.
/// The default reads <c>TtnProvisioningOptions.AdminApiKey</c>; a host may supply one that reads a vault.
/// </summary>
public interface IAdminApiKeyProvider
{
    /// <summary>Gets the admin API key.</summary>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>
    /// The key (<c>NNSXS.…</c>), or null when none is available: operations that need it then answer Failed ("no admin
    /// API key is configured") and change nothing.
    /// </returns>
    ValueTask<string?> GetAdminApiKeyAsync(CancellationToken cancellationToken = default);
}
