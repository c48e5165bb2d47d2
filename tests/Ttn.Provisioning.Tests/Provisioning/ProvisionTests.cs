using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Steps;
using Ttn.Provisioning.Storage;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Provisioning;

public sealed class ProvisionTests
{
    [Fact]
    public async Task New_tenant_is_provisioned_to_ready_with_one_of_each_resource()
    {
        await using var host = new ProvisioningTestHost();

        var result = await host.Service.ProvisionAsync(Owner());

        Assert.True(ProvisioningOutcome.Succeeded == result.Outcome, result.Error?.ToString());
        Assert.True(result.IsReady);
        var organization = Assert.Single(host.Fake.Organizations);
        var application = Assert.Single(host.Fake.Applications);
        Assert.Equal("tp-acme", organization.Id);
        Assert.Equal(result.ApplicationId, application.Id);
        Assert.Single(host.LiveKeys("organization"));
        Assert.Single(host.LiveKeys("application"));
        var webhook = Assert.Single(host.Fake.Webhooks);
        Assert.Equal("https://saas.example.com/ttn/webhook/acme", webhook.BaseUrl);
    }

    [Fact]
    public async Task Stored_secrets_open_and_match_what_tts_holds()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());

        var record = await host.RecordAsync();
        var webhookSecret = host.Protector.Unprotect(record.WebhookSecret.Sealed, new SecretContext("acme", SecretField.WebhookSecret));
        var appKey = host.Protector.Unprotect(record.ApplicationApiKey?.Sealed, new SecretContext("acme", SecretField.ApplicationApiKey));

        Assert.True(webhookSecret.IsDecrypted, $"{webhookSecret} {record.WebhookSecret.Sealed} {record.WebhookSecret.PendingSealed} {record.WebhookId} {record.Checkpoints} {record.ApplicationApiKey?.Sealed}");
        Assert.Equal(webhookSecret.Value, Assert.Single(host.Fake.Webhooks).Headers["X-Webhook-Secret"]);
        Assert.StartsWith("NNSXS.", appKey.Value, StringComparison.Ordinal);
        Assert.Equal(appKey.Value![^4..], record.ApplicationApiKey?.LastFour);
        Assert.Equal(ProvisioningStep.Organization | ProvisioningStep.OrganizationApiKey | ProvisioningStep.Application | ProvisioningStep.ApplicationApiKey | ProvisioningStep.Webhook, record.Checkpoints);
        Assert.Null(record.Lease?.Holder);
    }

    [Fact]
    public async Task Happy_path_costs_six_requests_one_per_step()
    {
        await using var host = new ProvisioningTestHost();

        await host.Service.ProvisionAsync(Owner());

        var requests = host.Fake.Journal.Entries.Select(e => $"{e.Method} {e.Path}").ToArray();
        Assert.Equal(6, requests.Length);
        Assert.Single(requests, r => r.EndsWith("/auth_info", StringComparison.Ordinal));
        Assert.Single(requests, r => r.StartsWith("POST", StringComparison.Ordinal) && r.EndsWith("/organizations", StringComparison.Ordinal));
        Assert.Single(requests, r => r.StartsWith("POST", StringComparison.Ordinal) && r.EndsWith("/applications", StringComparison.Ordinal));
        Assert.Equal(2, requests.Count(r => r.EndsWith("/api-keys", StringComparison.Ordinal)));
        Assert.Single(requests, r => r.StartsWith("PUT", StringComparison.Ordinal) && r.Contains("/as/webhooks/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_steps_of_a_provisioning_form_four_waves_so_one_request_each_costs_four_round_trips()
    {
        var steps = new PipelineStep[]
        {
            new PreflightStep(), new OrganizationStep(), new OrganizationApiKeyStep(), new ApplicationStep(),
            new ApplicationApiKeyStep(), new WebhookStep(broughtApplication: false),
        };

        // A step's wave is one more than the latest wave among the steps it depends on.
        var wave = new Dictionary<ProvisioningStep, int>();
        foreach (var step in steps)
        {
            wave[step.Step] = 1 + steps.Where(d => step.DependsOn.HasFlag(d.Step) && d.Step != ProvisioningStep.None)
                .Select(d => wave[d.Step]).DefaultIfEmpty(0).Max();
        }

        Assert.Equal(4, wave.Values.Max());
        Assert.Equal(wave[ProvisioningStep.OrganizationApiKey], wave[ProvisioningStep.Application]);
        Assert.Equal(wave[ProvisioningStep.ApplicationApiKey], wave[ProvisioningStep.Webhook]);
    }

    [Fact]
    public async Task Ready_tenant_answers_ready_without_any_tts_request()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        host.Fake.Journal.Clear();

        var again = await host.Service.ProvisionAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Succeeded, again.Outcome);
        Assert.Equal(ProvisioningState.Ready, again.State);
        Assert.Empty(host.Fake.Journal.Entries);
    }

    [Fact]
    public async Task Gateway_key_is_created_when_asked_for()
    {
        await using var host = new ProvisioningTestHost(o => o.CreateGatewayApiKey = true);

        var result = await host.Service.ProvisionAsync(Owner());

        Assert.True(result.IsReady);
        Assert.Single(host.LiveKeys("gateway"));
        Assert.True(host.Fake.Journal.Entries.Count <= 7);
        Assert.NotNull((await host.RecordAsync()).GatewayApiKey?.Sealed);
    }

    [Fact]
    public async Task Twenty_concurrent_provision_calls_create_one_application()
    {
        await using var host = new ProvisioningTestHost();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => host.Service.ProvisionAsync(Owner()))));

        Assert.Single(host.Fake.Applications);
        Assert.Single(host.LiveKeys("application"));
        Assert.Contains(results, r => r.IsReady);
        Assert.All(results, r => Assert.True(r.Outcome is ProvisioningOutcome.Succeeded or ProvisioningOutcome.AlreadyInProgress, r.Outcome.ToString()));
    }
}
