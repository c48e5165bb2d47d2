using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Gateways;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Tests.DependencyInjection;

/// <summary>The device package's registration: devices come with AddDevices, not with AddTtnProvisioning alone.</summary>
public sealed class AddDevicesTests
{
    [Fact]
    public void Add_ttn_provisioning_alone_registers_no_device_or_gateway_service()
    {
        var services = new ServiceCollection();
        AddProvisioning(services);
        using var provider = Build(services);

        Assert.NotNull(provider.GetRequiredService<IProvisioningService>());
        Assert.Null(provider.GetService<IDeviceService>());
        Assert.Null(provider.GetService<IGatewayService>());
        Assert.Null(provider.GetService<IDeviceStore>());
    }

    [Fact]
    public void Add_devices_registers_both_services_over_an_in_memory_device_store()
    {
        var services = new ServiceCollection();
        AddProvisioning(services).AddDevices().AddDevices();
        using var provider = Build(services);

        Assert.NotNull(provider.GetRequiredService<IDeviceService>());
        Assert.NotNull(provider.GetRequiredService<IGatewayService>());
        Assert.IsType<InMemoryDeviceStore>(provider.GetRequiredService<IDeviceStore>());
        Assert.Single(services, d => d.ServiceType == typeof(IDeviceService));
    }

    [Fact]
    public void Use_device_store_replaces_the_in_memory_store_and_adds_the_device_services()
    {
        var services = new ServiceCollection();
        AddProvisioning(services).AddDevices().UseDeviceStore<OwnDeviceStore>();
        using var provider = Build(services);

        Assert.IsType<OwnDeviceStore>(provider.GetRequiredService<IDeviceStore>());
        Assert.NotNull(provider.GetRequiredService<IDeviceService>());
        Assert.Single(services, d => d.ServiceType == typeof(IDeviceStore));
    }

    [Fact]
    public void Add_devices_sets_the_device_options_and_the_defaults_hold_without_it()
    {
        var configured = new ServiceCollection();
        AddProvisioning(configured).AddDevices(o => o.MaxDevicesPerTenant = 7);
        var defaults = new ServiceCollection();
        AddProvisioning(defaults).AddDevices();
        using var withLimit = Build(configured);
        using var withDefaults = Build(defaults);

        withLimit.GetRequiredService<IStartupValidator>().Validate();
        withDefaults.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(7, withLimit.GetRequiredService<IOptions<TtnDeviceOptions>>().Value.MaxDevicesPerTenant);
        var options = withDefaults.GetRequiredService<IOptions<TtnDeviceOptions>>().Value;
        Assert.Equal((null, TimeSpan.FromMinutes(5)), (options.MaxDevicesPerTenant, options.GatewayOnlineWithin));
    }

    [Theory]
    [InlineData(-1, 5, "TtnDeviceOptions.MaxDevicesPerTenant must not be negative")]
    [InlineData(null, 0, "TtnDeviceOptions.GatewayOnlineWithin must be positive")]
    [InlineData(null, -1, "TtnDeviceOptions.GatewayOnlineWithin must be positive")]
    public void Device_options_out_of_range_stop_the_host_at_start_naming_the_setting(int? max, int onlineMinutes, string expected)
    {
        var services = new ServiceCollection();
        AddProvisioning(services).AddDevices(o =>
        {
            o.MaxDevicesPerTenant = max;
            o.GatewayOnlineWithin = TimeSpan.FromMinutes(onlineMinutes);
        });
        using var provider = Build(services);

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_devices_per_tenant_is_a_limit_not_a_mistake()
    {
        var services = new ServiceCollection();
        AddProvisioning(services).AddDevices(o => o.MaxDevicesPerTenant = 0);
        using var provider = Build(services);

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(0, provider.GetRequiredService<IOptions<TtnDeviceOptions>>().Value.MaxDevicesPerTenant);
    }

    private static ITtnProvisioningBuilder AddProvisioning(IServiceCollection services) =>
        services.AddTtnProvisioning(o =>
        {
            o.ThingsStack.IdentityServerUri = new Uri("https://eu1.cloud.thethings.network");
            o.WebhookBaseUrl = new Uri("https://saas.example.com/ttn/webhook");
            o.AdminApiKey = "NNSXS.KEY";
            o.Secrets.Keys.Add(new SecretKeyOptions { Id = "k1", Key = SecretProtectionOptions.GenerateKey() });
            o.Secrets.PrimaryKeyId = "k1";
        });

    private static ServiceProvider Build(IServiceCollection services) =>
        services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    /// <summary>A host's own store (only resolved here, never called).</summary>
    private sealed class OwnDeviceStore : IDeviceStore
    {
        public Task<UnfinishedDevice?> GetUnfinishedAsync(
            string tenantId, string applicationId, string deviceId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<UnfinishedDevice>> ListUnfinishedAsync(string tenantId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task SaveUnfinishedAsync(UnfinishedDevice device, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RemoveUnfinishedAsync(string tenantId, string applicationId, string deviceId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<DeviceImportJob?> GetImportJobAsync(string tenantId, string jobId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<DeviceImportJob?> TryWriteImportJobAsync(DeviceImportJob job, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task SaveImportRowsAsync(
            string tenantId, string jobId, IReadOnlyList<DeviceImportRow> rows, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<DeviceImportRow>> ListImportRowsAsync(
            string tenantId, string jobId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<bool> DeleteImportJobAsync(string tenantId, string jobId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
