using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Tests.DependencyInjection;

public sealed class TtnProvisioningOptionsValidatorTests
{
    private static readonly TtnProvisioningOptionsValidator Validator = new();

    private static TtnProvisioningOptions Valid()
    {
        var options = new TtnProvisioningOptions { WebhookBaseUrl = new Uri("https://saas.example.com/ttn/webhook") };
        options.ThingsStack.IdentityServerUri = new Uri("https://eu1.cloud.thethings.network");
        return options;
    }

    [Fact]
    public void Defaults_with_a_webhook_url_are_valid()
    {
        Assert.True(Validator.Validate(null, Valid()).Succeeded);
    }

    [Theory]
    [InlineData("http://saas.example.com/hook", "https")]
    [InlineData("ftp://saas.example.com/hook", "https")]
    [InlineData("https://user:password@saas.example.com/hook", "user info")]
    [InlineData("https://10.0.0.5/hook", "private")]
    [InlineData("https://192.168.1.10/hook", "private")]
    [InlineData("https://169.254.169.254/latest", "link-local")]
    [InlineData("https://127.0.0.1/hook", "loopback")]
    [InlineData("https://[::1]/hook", "loopback")]
    [InlineData("https://[fe80::1]/hook", "link-local")]
    [InlineData("https://localhost/hook", "localhost")]
    [InlineData("https://saas.example.com/hook?tenant=1", "query")]
    public void Unsafe_webhook_base_urls_are_refused_with_the_setting_named(string url, string expected)
    {
        var options = Valid();
        options.WebhookBaseUrl = new Uri(url);

        var message = Validator.Validate(null, options).FailureMessage;

        Assert.Contains("WebhookBaseUrl", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("password", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lease_shorter_than_one_tts_call_is_refused()
    {
        var options = Valid();
        options.LeaseDuration = TimeSpan.FromSeconds(30);

        Assert.Contains("LeaseDuration", Validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_header_the_application_server_overrides_is_refused()
    {
        var options = Valid();
        options.WebhookSecretHeader = "Content-Type";

        Assert.Contains("WebhookSecretHeader", Validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Organization_key_that_cannot_hand_on_the_application_key_rights_is_refused()
    {
        var options = Valid();
        options.OrganizationApiKeyRights.Remove(ThingsStackRights.ApplicationAll);

        var message = Validator.Validate(null, options).FailureMessage;

        Assert.Contains("OrganizationApiKeyRights", message, StringComparison.Ordinal);
        Assert.Contains(ThingsStackRights.ApplicationSettingsApiKeys, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_right_is_refused()
    {
        var options = Valid();
        options.ApplicationApiKeyRights.Add("RIGHT_TO_PARTY");

        Assert.Contains("unknown right 'RIGHT_TO_PARTY'", Validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_fail_when_the_service_is_resolved_and_never_show_a_key()
    {
        var services = new ServiceCollection();
        var secretKey = SecretProtectionOptions.GenerateKey();
        services.AddTtnProvisioning(o =>
        {
            o.ThingsStack.IdentityServerUri = new Uri("https://eu1.cloud.thethings.network");
            o.WebhookBaseUrl = new Uri("http://insecure.example.com/hook");
            o.AdminApiKey = "NNSXS.SENTINELADMINKEY";
            o.Secrets.Keys.Add(new SecretKeyOptions { Id = "k1", Key = secretKey });
            o.Secrets.PrimaryKeyId = "k1";
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TtnProvisioningOptions>>().Value);

        Assert.Contains("https", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SENTINELADMINKEY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secretKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_resolves_from_a_host_configured_with_add_ttn_provisioning()
    {
        var services = new ServiceCollection();
        services.AddTtnProvisioning(o =>
        {
            o.ThingsStack.IdentityServerUri = new Uri("https://eu1.cloud.thethings.network");
            o.WebhookBaseUrl = new Uri("https://saas.example.com/ttn/webhook");
            o.AdminApiKey = "NNSXS.KEY";
            o.Secrets.Keys.Add(new SecretKeyOptions { Id = "k1", Key = SecretProtectionOptions.GenerateKey() });
            o.Secrets.PrimaryKeyId = "k1";
        });
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.NotNull(provider.GetRequiredService<IProvisioningService>());
    }
}
