using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.AspNetCore.Endpoints;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.AspNetCore.Tests.Configuration;

/// <summary>
/// AddTtnProvisioning(configuration.GetSection("Ttn")): every option binds, lists replace, validation still names bad entries.
/// </summary>
public sealed class ConfigurationBindingTests
{
    private const string AdminKey = "NNSXS.ADMINKEYFROMTHESECRETSTORE0000000000000.SECRETPARTOFTHEADMINKEYTHATMUSTNEVERBESHOWN000000000";
    private static readonly string KeyA = SecretProtectionOptions.GenerateKey();
    private static readonly string KeyB = SecretProtectionOptions.GenerateKey();

    /// <summary>What appsettings.json would hold: no secret.</summary>
    private static readonly Dictionary<string, string?> AppSettings = new()
    {
        ["Ttn:WebhookBaseUrl"] = "https://saas.example.com/hooks/ttn",
        ["Ttn:WebhookId"] = "saas-hook",
        ["Ttn:WebhookSecretHeader"] = "X-Saas-Secret",
        ["Ttn:IdPrefix"] = "saas",
        ["Ttn:ApiKeyNamePrefix"] = "saas-provisioning",
        ["Ttn:LeaseDuration"] = "00:05:00",
        ["Ttn:WebhookSecretGracePeriod"] = "00:30:00",
        ["Ttn:WebhookVerifierRefreshInterval"] = "00:00:10",
        ["Ttn:WebhookVerifierCapacity"] = "500",
        ["Ttn:CreateGatewayApiKey"] = "true",
        ["Ttn:HistoryLimit"] = "500",
        ["Ttn:Devices:MaxDevicesPerTenant"] = "1000",
        ["Ttn:Devices:GatewayOnlineWithin"] = "00:02:00",
        ["Ttn:OrganizationApiKeyRights:0"] = "RIGHT_ORGANIZATION_ALL",
        ["Ttn:OrganizationApiKeyRights:1"] = "RIGHT_APPLICATION_ALL",
        ["Ttn:OrganizationApiKeyRights:2"] = "RIGHT_GATEWAY_ALL",
        ["Ttn:ApplicationApiKeyRights:0"] = "RIGHT_APPLICATION_ALL",
        ["Ttn:GatewayApiKeyRights"] = "RIGHT_GATEWAY_INFO, RIGHT_GATEWAY_LINK",
        ["Ttn:ThingsStack:IdentityServerUri"] = "https://eu1.cloud.thethings.network",
        ["Ttn:ThingsStack:Clusters:eu1"] = "https://eu1.cloud.thethings.network",
        ["Ttn:ThingsStack:Clusters:nam1"] = "https://nam1.cloud.thethings.network",
        ["Ttn:ThingsStack:DefaultCluster"] = "nam1",
        ["Ttn:ThingsStack:AttemptTimeout"] = "00:00:20",
        ["Ttn:ThingsStack:TotalTimeout"] = "00:01:30",
        ["Ttn:ThingsStack:MaxRetryAttempts"] = "2",
        ["Ttn:ThingsStack:BaseRetryDelay"] = "00:00:02",
        ["Ttn:ThingsStack:MaxRetryDelay"] = "00:00:40",
        ["Ttn:Secrets:PrimaryKeyId"] = "2026-11",
        ["Ttn:Endpoints:TenantClaimType"] = "org",
        ["Ttn:Endpoints:UserIdClaimType"] = "sub",
        ["Ttn:Endpoints:RoleClaimType"] = "org_role",
        ["Ttn:Endpoints:DestructiveRateLimiterPolicy"] = "destructive",
        ["Ttn:Endpoints:RequireAntiforgeryToken"] = "true",
        ["Ttn:Endpoints:ImportMaxRequestsPerSecond"] = "12.5",
        ["Ttn:Endpoints:ImportMaxConcurrency"] = "16",
    };

    /// <summary>What the host's secret store (user secrets, environment, a vault) adds to the same section.</summary>
    private static readonly Dictionary<string, string?> SecretStore = new()
    {
        ["Ttn:AdminApiKey"] = AdminKey,
        ["Ttn:Secrets:Keys:0:Id"] = "2026-05",
        ["Ttn:Secrets:Keys:0:Key"] = KeyA,
        ["Ttn:Secrets:Keys:1:Id"] = "2026-11",
        ["Ttn:Secrets:Keys:1:Key"] = KeyB,
        ["Ttn:Secrets:LegacySalt"] = "legacy-salt",
        ["Ttn:Secrets:AllowLegacyFormatsUntil"] = "2027-03-01T00:00:00Z",
    };

    [Fact]
    public void Every_setting_binds_from_configuration_and_secrets_come_from_a_second_source()
    {
        using var services = Build(AppSettings, SecretStore);

        var options = services.GetRequiredService<IOptions<TtnProvisioningOptions>>().Value;
        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(AdminKey, options.AdminApiKey);
        Assert.Equal(new Uri("https://saas.example.com/hooks/ttn"), options.WebhookBaseUrl);
        Assert.Equal(
            ("saas-hook", "X-Saas-Secret", "saas", "saas-provisioning"),
            (options.WebhookId, options.WebhookSecretHeader, options.IdPrefix, options.ApiKeyNamePrefix));
        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)), (options.LeaseDuration, options.WebhookSecretGracePeriod));
        Assert.Equal((TimeSpan.FromSeconds(10), 500), (options.WebhookVerifierRefreshInterval, options.WebhookVerifierCapacity));
        Assert.True(options.CreateGatewayApiKey);
        Assert.Equal(500, options.HistoryLimit);
        Assert.Equal(["RIGHT_ORGANIZATION_ALL", "RIGHT_APPLICATION_ALL", "RIGHT_GATEWAY_ALL"], options.OrganizationApiKeyRights);
        Assert.Equal(["RIGHT_APPLICATION_ALL"], options.ApplicationApiKeyRights);
        Assert.Equal(["RIGHT_GATEWAY_INFO", "RIGHT_GATEWAY_LINK"], options.GatewayApiKeyRights);
        var tts = services.GetRequiredService<IOptions<ThingsStackOptions>>().Value;
        Assert.Equal(new Uri("https://nam1.cloud.thethings.network"), tts.Clusters["nam1"]);
        Assert.Equal(["eu1", "nam1"], tts.Clusters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("nam1", tts.DefaultCluster);
        Assert.Equal(new Uri("https://eu1.cloud.thethings.network"), tts.IdentityServerUri);
        Assert.Equal((TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(90)), (tts.AttemptTimeout, tts.TotalTimeout));
        Assert.Equal(
            (2, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(40)),
            (tts.MaxRetryAttempts, tts.BaseRetryDelay, tts.MaxRetryDelay));
        var secrets = services.GetRequiredService<IOptions<SecretProtectionOptions>>().Value;
        Assert.Equal(["2026-05", "2026-11"], secrets.Keys.Select(k => k.Id));
        Assert.Equal([KeyA, KeyB], secrets.Keys.Select(k => k.Key));
        Assert.Equal(("2026-11", "legacy-salt"), (secrets.PrimaryKeyId, secrets.LegacySalt));
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero), secrets.AllowLegacyFormatsUntil);
        var endpoints = services.GetRequiredService<IOptions<TtnEndpointOptions>>().Value;
        Assert.Equal(
            ("org", "sub", "org_role", "destructive"),
            (endpoints.TenantClaimType, endpoints.UserIdClaimType, endpoints.RoleClaimType, endpoints.DestructiveRateLimiterPolicy));
        Assert.True(endpoints.RequireAntiforgeryToken);
        Assert.Equal((12.5, 16), (endpoints.ImportMaxRequestsPerSecond, endpoints.ImportMaxConcurrency));
        var devices = services.GetRequiredService<IOptions<TtnDeviceOptions>>().Value;
        Assert.Equal((1000, TimeSpan.FromMinutes(2)), (devices.MaxDevicesPerTenant, devices.GatewayOnlineWithin));
    }

    [Fact]
    public void Every_setting_the_options_have_is_covered_by_this_test()
    {
        static IEnumerable<string> Settable(Type type, string prefix) => type.GetProperties()
            .Where(p => p.CanWrite || p.PropertyType == typeof(IList<string>))
            .Select(p => prefix + p.Name);

        var keys = AppSettings.Keys.Concat(SecretStore.Keys)
            .Select(k => string.Join(':', k.Split(':').TakeWhile(s => !char.IsDigit(s[0]))))
            .ToHashSet();
        var settings = Settable(typeof(TtnProvisioningOptions), "Ttn:")
            .Concat(Settable(typeof(ThingsStackOptions), "Ttn:ThingsStack:"))
            .Concat(Settable(typeof(SecretProtectionOptions), "Ttn:Secrets:"))
            .Concat(Settable(typeof(SecretKeyOptions), "Ttn:Secrets:Keys:"))
            .Concat(Settable(typeof(TtnEndpointOptions), "Ttn:Endpoints:"))
            .Concat(Settable(typeof(TtnDeviceOptions), "Ttn:Devices:"))
            .Select(k => k.Replace("Keys:Id", "Keys", StringComparison.Ordinal).Replace("Keys:Key", "Keys", StringComparison.Ordinal));

        Assert.All(settings, setting => Assert.Contains(setting, keys));
    }

    [Fact]
    public void Device_options_set_in_code_with_add_devices_win_over_the_configured_ones()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Required)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Ttn:Devices:MaxDevicesPerTenant"] = "1000" })
            .Build();
        var collection = new ServiceCollection();
        collection.AddTtnProvisioning(configuration.GetSection("Ttn")).AddDevices(o => o.MaxDevicesPerTenant = 5);

        using var services = collection.BuildServiceProvider();

        Assert.Equal(5, services.GetRequiredService<IOptions<TtnDeviceOptions>>().Value.MaxDevicesPerTenant);
    }

    [Fact]
    public void A_configured_list_replaces_the_default_list()
    {
        using var services = Build(Required, new() { ["Ttn:ApplicationApiKeyRights:0"] = "RIGHT_APPLICATION_ALL" });

        var options = services.GetRequiredService<IOptions<TtnProvisioningOptions>>().Value;

        Assert.Equal(["RIGHT_APPLICATION_ALL"], options.ApplicationApiKeyRights);
        Assert.Equal(new TtnProvisioningOptions().OrganizationApiKeyRights, options.OrganizationApiKeyRights);
    }

    [Theory]
    [InlineData("WebhookBaseUrl", "http://localhost/hooks", "TtnProvisioningOptions.WebhookBaseUrl must use https")]
    [InlineData("IdPrefix", "Not Valid", "TtnProvisioningOptions.IdPrefix must be")]
    [InlineData("Secrets:PrimaryKeyId", "missing", "The primary secret key id 'missing' is not in the key ring")]
    [InlineData("ThingsStack:IdentityServerUri", "ftp://eu1.cloud.thethings.network", "IdentityServerUri")]
    [InlineData("Devices:MaxDevicesPerTenant", "-1", "TtnDeviceOptions.MaxDevicesPerTenant must not be negative")]
    [InlineData("Devices:GatewayOnlineWithin", "00:00:00", "TtnDeviceOptions.GatewayOnlineWithin must be positive")]
    public void Validation_still_names_the_bad_entry_and_never_a_key(string key, string value, string named)
    {
        using var services = Build(Required, new() { ["Ttn:" + key] = value });

        var failure = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        var text = failure.ToString();
        Assert.True(text.Contains(named, StringComparison.Ordinal), text);
        Assert.DoesNotContain("SECRETPART", text, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyA, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MaxDevicesPerTenant", "1000", "'Ttn:MaxDevicesPerTenant' has moved to 'Ttn:Devices:MaxDevicesPerTenant'")]
    [InlineData("GatewayOnlineWithin", "00:02:00", "'Ttn:GatewayOnlineWithin' has moved to 'Ttn:Devices:GatewayOnlineWithin'")]
    [InlineData("MaxOrganizationIdRotations", "5", "'Ttn:MaxOrganizationIdRotations' is no longer a setting")]
    [InlineData("ThingsStack:PageSize", "250", "'Ttn:ThingsStack:PageSize' is no longer a setting")]
    public void A_retired_setting_stops_the_host_at_start_saying_what_to_do_instead_of_being_ignored(
        string key, string value, string said)
    {
        using var services = Build(Required, new() { ["Ttn:" + key] = value });

        var failure = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(said, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_cannot_be_converted_stops_the_host_at_start_naming_the_entry()
    {
        using var services = Build(Required, new() { ["Ttn:LeaseDuration"] = "two minutes" });

        var failure = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Ttn:LeaseDuration", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_policy_entry_replaces_that_entry_of_the_default_table()
    {
        using var services = Build(Required, new()
        {
            ["Ttn:RolePolicy:AllowedRoles:Provision:0"] = "owner",
            ["Ttn:RolePolicy:AllowedRoles:GetCredentials"] = "Owner, Admin",
            ["Ttn:RolePolicy:SecretReaders:OrganizationApiKey"] = "Owner,Manager",
        });

        var policy = services.GetRequiredService<IRolePolicyEvaluator>();

        Assert.True(policy.Evaluate(TenantRole.Owner, ProvisioningOperation.Provision).IsAllowed);
        Assert.False(policy.Evaluate(TenantRole.Admin, ProvisioningOperation.Provision).IsAllowed);
        Assert.False(policy.Evaluate(TenantRole.Manager, ProvisioningOperation.GetCredentials).IsAllowed);
        Assert.True(policy.Evaluate(TenantRole.Admin, ProvisioningOperation.Retry).IsAllowed);
        Assert.True(policy.MayReveal(TenantRole.Manager, SecretField.OrganizationApiKey));
        Assert.False(policy.MayReveal(TenantRole.Admin, SecretField.OrganizationApiKey));
    }

    [Fact]
    public void Unknown_operations_secrets_and_roles_in_the_role_policy_stop_the_host_at_start_all_named()
    {
        using var services = Build(Required, new()
        {
            ["Ttn:RolePolicy:AllowedRoles:Provison:0"] = "Owner",
            ["Ttn:RolePolicy:AllowedRoles:Retry:0"] = "Superuser",
            ["Ttn:RolePolicy:AllowedRoles:3"] = "Owner",
            ["Ttn:RolePolicy:SecretReaders:MasterKey"] = "Owner",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("'Provison' is not an operation", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Ttn:RolePolicy:AllowedRoles:Retry: 'Superuser' is not a role", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'3' is not an operation", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'MasterKey' is not a secret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_section_is_read_when_the_options_are_first_used_not_when_services_are_added()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Required).Build();
        var collection = new ServiceCollection();
        collection.AddTtnProvisioning(configuration.GetSection("Ttn"));
        configuration["Ttn:IdPrefix"] = "later";

        using var services = collection.BuildServiceProvider();

        Assert.Equal("later", services.GetRequiredService<IOptions<TtnProvisioningOptions>>().Value.IdPrefix);
    }

    private static readonly Dictionary<string, string?> Required = new()
    {
        ["Ttn:AdminApiKey"] = AdminKey,
        ["Ttn:WebhookBaseUrl"] = "https://saas.example.com/hooks/ttn",
        ["Ttn:ThingsStack:IdentityServerUri"] = "https://eu1.cloud.thethings.network",
        ["Ttn:Secrets:PrimaryKeyId"] = "k1",
        ["Ttn:Secrets:Keys:0:Id"] = "k1",
        ["Ttn:Secrets:Keys:0:Key"] = KeyA,
    };

    private static ServiceProvider Build(params Dictionary<string, string?>[] sources)
    {
        var builder = new ConfigurationBuilder();
        foreach (var source in sources)
        {
            builder.AddInMemoryCollection(source);
        }

        // As the README's host: the device services, whose options bind from Ttn:Devices, are added to the builder.
        var collection = new ServiceCollection();
        collection.AddTtnProvisioning(builder.Build().GetSection("Ttn")).AddDevices();
        return collection.BuildServiceProvider();
    }
}
