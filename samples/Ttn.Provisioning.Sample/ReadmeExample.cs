using Microsoft.Extensions.DependencyInjection;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning.Sample;

/// <summary>
/// The code of the README's "Usage" section, verbatim between the markers. The sample runs it against an
/// in-process FakeThingsStack, so the README shows code that compiles and works.
/// </summary>
internal static class ReadmeExample
{
    /// <summary>Runs the usage example; true when it provisioned the tenant and opened its application key.</summary>
    public static async Task<bool> RunAsync(Uri identityServer, Uri cluster, string adminApiKey, string encryptionKey)
    {
        string? applicationKey = null;
        await UsageAsync();
        return applicationKey is not null;

        async Task UsageAsync()
        {
            // README:BEGIN
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddTtnProvisioning(options =>
            {
                options.ThingsStack.IdentityServerUri = identityServer;  // e.g. https://eu1.cloud.thethings.network
                options.ThingsStack.Clusters["eu1"] = cluster;           // where tenants live; UseTheThingsNetworkCloud() sets all three
                options.AdminApiKey = adminApiKey;                       // a user API key; from configuration or a vault
                options.WebhookBaseUrl = new Uri("https://saas.example.com/ttn/webhook"); // TTS posts to {base}/{tenant}
                options.Secrets.Keys.Add(new SecretKeyOptions { Id = "2026-11", Key = encryptionKey }); // 32 random bytes, base64
                options.Secrets.PrimaryKeyId = "2026-11";
            }); // .UseCredentialStore<YourStore>() to keep tenants somewhere durable (the default is in memory)

            await using var provider = services.BuildServiceProvider();
            var provisioning = provider.GetRequiredService<IProvisioningService>();

            // Every call says who asks: tenant, user, and the user's role in that tenant.
            var owner = new ProvisioningCaller(TenantId: "acme", UserId: "alice", Role: TenantRole.Owner);
            ProvisioningResult result = await provisioning.ProvisionAsync(owner);
            if (!result.IsReady)
            {
                // Denied, AlreadyInProgress, UseStartFresh or Failed; a failure names the step and the TTS error.
                Console.WriteLine($"Not ready: {result.Outcome} at {result.Error?.Step}: {result.Error?.Message}");
                return;
            }

            Console.WriteLine($"Tenant acme: organization {result.OrganizationId}, application {result.ApplicationId}");

            var manager = new ProvisioningCaller("acme", "bob", TenantRole.Manager);
            TenantCredentialsResult read = await provisioning.GetCredentialsAsync(manager); // audited
            SafeDecrypt appKey = read.Credentials!.ApplicationApiKey.Secret;
            Console.WriteLine($"Application API key: {appKey}");                 // prints only the last four characters
            if (appKey.TryGetValue(out var key))
            {
                // use key to talk to TTS on the tenant's behalf
            }
            // README:END
            applicationKey = key;
        }
    }
}
