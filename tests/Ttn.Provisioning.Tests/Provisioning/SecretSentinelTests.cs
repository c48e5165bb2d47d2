using System.Text.Json;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Testing;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Provisioning;

/// <summary>Secrets never reach a log record, a status view, a result's ToString() or an exception message.</summary>
public sealed class SecretSentinelTests
{
    [Fact]
    public async Task Whole_lifecycle_logs_no_secret_and_status_holds_none()
    {
        await using var host = new ProvisioningTestHost();
        var texts = new List<string>();
        host.Fake.Faults.Add(HttpMethod.Post, "applications/*/api-keys", FakeFault.Status(503), onCall: 1);

        texts.Add((await host.Service.ProvisionAsync(Owner())).ToString());
        texts.Add((await host.Service.RetryAsync(Owner())).ToString());
        var status = (await host.Service.GetStatusAsync(Owner())).Status!;
        texts.Add(status.ToString());
        texts.Add(JsonSerializer.Serialize(status));
        var credentials = (await host.Service.GetCredentialsAsync(As(TenantRole.Manager))).Credentials!;
        texts.Add(credentials.ToString());
        texts.Add((await host.Service.RotateWebhookSecretAsync(Owner())).ToString());
        var rotated = (await host.Service.GetCredentialsAsync(Owner())).Credentials!;
        texts.Add((await host.Service.StartFreshAsync(Owner())).ToString());
        texts.Add((await host.Service.DeepCleanAsync(Owner())).ToString());
        texts.Add((await host.RecordAsync()).ToString());
        texts.AddRange(host.Logs.GetSnapshot().Select(r => r.Message + " " + r.Exception));

        var secrets = new[]
        {
            host.AdminKey,
            credentials.ApplicationApiKey.Secret.Value!,
            credentials.OrganizationApiKey.Secret.Value!,
            credentials.WebhookSecret.Secret.Value!,
            rotated.WebhookSecret.Secret.Value!,
        };
        foreach (var secret in secrets)
        {
            var base64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(secret));
            var secretPart = secret.Contains('.') ? secret[(secret.LastIndexOf('.') + 1)..] : secret;
            Assert.All(texts, text =>
            {
                Assert.DoesNotContain(secretPart, text, StringComparison.Ordinal);
                Assert.DoesNotContain(base64, text, StringComparison.Ordinal);
            });
        }
    }
}
