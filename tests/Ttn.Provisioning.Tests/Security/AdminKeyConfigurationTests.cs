using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Tests.Provisioning;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Security;

/// <summary>Issue 10, finding 12: a missing admin key is found when the host starts, and at run time changes nothing.</summary>
public sealed class AdminKeyConfigurationTests
{
    [Fact]
    public void A_host_with_neither_an_admin_key_nor_a_provider_fails_validation_naming_the_problem()
    {
        var services = new ServiceCollection();
        services.AddTtnProvisioning(o =>
        {
            o.ThingsStack.IdentityServerUri = IdentityServer;
            o.WebhookBaseUrl = WebhookBase;
            o.Secrets.Keys.Add(new SecretKeyOptions { Id = "k", Key = SecretKey });
            o.Secrets.PrimaryKeyId = "k";
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TtnProvisioningOptions>>().Value);

        Assert.Contains("No admin API key is configured", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_provider_satisfies_the_validation()
    {
        await using var host = new ProvisioningTestHost(o => o.AdminApiKey = null, s => s.AddSingleton<IAdminApiKeyProvider>(new KeyFrom(() => null)));

        var options = host.Services.GetRequiredService<IOptions<TtnProvisioningOptions>>().Value;

        Assert.Null(options.AdminApiKey);
    }

    [Fact]
    public async Task A_provider_that_has_no_key_at_run_time_makes_provisioning_answer_failed_and_change_nothing()
    {
        await using var host = new ProvisioningTestHost(o => o.AdminApiKey = null, s => s.AddSingleton<IAdminApiKeyProvider>(new KeyFrom(() => null)));

        var result = await host.Service.ProvisionAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Contains("No admin API key is configured", result.Error!.Message, StringComparison.Ordinal);
        Assert.Null(await host.Store.GetAsync("acme"));
        Assert.Empty(host.Fake.Journal.Entries);
    }

    [Fact]
    public async Task A_provider_that_loses_its_key_leaves_a_ready_tenant_as_it_was_on_deep_clean()
    {
        string? key = null;
        await using var host = new ProvisioningTestHost(o => o.AdminApiKey = null, s => s.AddSingleton<IAdminApiKeyProvider>(new KeyFrom(() => key)));
        key = host.AdminKey;
        await host.Service.ProvisionAsync(Owner());
        var before = await host.RecordAsync();
        key = null;
        host.Fake.Journal.Clear();

        var clean = await host.Service.DeepCleanAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Failed, clean.Outcome);
        Assert.Contains("No admin API key is configured", clean.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(before.Version, (await host.RecordAsync()).Version);
        Assert.Empty(host.Fake.Journal.Entries);
    }

    private sealed class KeyFrom(Func<string?> key) : IAdminApiKeyProvider
    {
        public ValueTask<string?> GetAdminApiKeyAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(key());
    }
}
