namespace Ttn.Provisioning.Tests.Webhooks;

/// <summary>The verifier's settings are checked with the provisioning options, at start.</summary>
public sealed class WebhookVerifierOptionsTests
{
    [Theory]
    [InlineData(0, 10_000, "WebhookVerifierRefreshInterval")]
    [InlineData(601, 10_000, "WebhookVerifierRefreshInterval")]
    [InlineData(30, 0, "WebhookVerifierCapacity")]
    public void Out_of_range_verifier_settings_are_refused_with_the_setting_named(int refreshSeconds, int capacity, string setting)
    {
        var options = new TtnProvisioningOptions
        {
            WebhookBaseUrl = new Uri("https://saas.example.com/ttn/webhook"),
            WebhookVerifierRefreshInterval = TimeSpan.FromSeconds(refreshSeconds),
            WebhookVerifierCapacity = capacity,
        };
        options.ThingsStack.IdentityServerUri = new Uri("https://eu1.cloud.thethings.network");

        var result = new TtnProvisioningOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }
}
