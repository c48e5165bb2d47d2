using System.Net;

namespace Ttn.Provisioning.AspNetCore.Tests.Webhooks;

/// <summary>
/// Rotation, start fresh and deep clean change what is accepted: at once on the host that made the change, and on a second
/// host sharing the store within the verifier's bounds (a new secret once a second passed since it last read the tenant,
/// a revoked one within <see cref="TtnProvisioningOptions.WebhookVerifierRefreshInterval"/>).
/// </summary>
public sealed class RotationAcrossHostsTests
{
    private static void NoGrace(TtnProvisioningOptions options) => options.WebhookSecretGracePeriod = TimeSpan.Zero;

    [Fact]
    public async Task A_rotation_changes_what_is_accepted_at_once_on_the_host_that_made_it()
    {
        await using var host = await WebhookTestHost.StartAsync(provisioning: NoGrace);
        var (old, application) = await host.ProvisionAsync();
        var body = WebhookTestHost.BodyFor("uplink.json", application);
        using (await host.PostAsync("acme", body, old))
        {
        }

        await host.Service.RotateWebhookSecretAsync(WebhookTestHost.Owner());
        var rotated = await host.SecretAsync();

        using var withOld = await host.PostAsync("acme", body, old);
        using var withNew = await host.PostAsync("acme", body, rotated);
        Assert.Equal(HttpStatusCode.Forbidden, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
    }

    [Fact]
    public async Task A_secret_rotated_in_on_another_host_is_accepted_here_once_a_second_passed()
    {
        await using var world = new WebhookTestHost.Shared();
        var (first, second, old, body) = await TwoHostsAsync(world, NoGrace);

        await first.Service.RotateWebhookSecretAsync(WebhookTestHost.Owner());
        world.Time.Advance(Provisioning.Webhooks.WebhookVerifier.MissRecheckInterval);

        Assert.Equal(HttpStatusCode.OK, (await second.PostAsync("acme", body, await first.SecretAsync())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await second.PostAsync("acme", body, old)).StatusCode);
    }

    [Fact]
    public async Task A_secret_rotated_out_on_another_host_is_refused_here_within_the_refresh_interval()
    {
        await using var world = new WebhookTestHost.Shared();
        var (first, second, old, body) = await TwoHostsAsync(world, NoGrace);

        await first.Service.RotateWebhookSecretAsync(WebhookTestHost.Owner());

        world.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsync("acme", body, old)).StatusCode);
        world.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await second.PostAsync("acme", body, old)).StatusCode);
    }

    [Fact]
    public async Task Start_fresh_refuses_the_old_secret_at_once_here_and_within_the_refresh_interval_on_a_second_host()
    {
        await using var world = new WebhookTestHost.Shared();
        var (first, second, old, body) = await TwoHostsAsync(world, null);
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsync("acme", body, old)).StatusCode);

        var fresh = await first.Service.StartFreshAsync(WebhookTestHost.Owner());
        Assert.True(fresh.Provisioning?.IsReady, fresh.ToString());
        var (secret, newApplication) = (await first.SecretAsync(), fresh.NewApplicationId!);

        Assert.Equal(HttpStatusCode.Forbidden, (await first.PostAsync("acme", body, old)).StatusCode);
        var newBody = WebhookTestHost.BodyFor("uplink.json", newApplication);
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsync("acme", newBody, secret)).StatusCode);
        world.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsync("acme", body, old)).StatusCode);
        world.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await second.PostAsync("acme", body, old)).StatusCode);
    }

    [Fact]
    public async Task A_deep_clean_refuses_the_tenants_secret_at_once()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var (secret, application) = await host.ProvisionAsync();
        var body = WebhookTestHost.BodyFor("uplink.json", application);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync("acme", body, secret)).StatusCode);

        await host.Service.DeepCleanAsync(WebhookTestHost.Owner());

        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync("acme", body, secret)).StatusCode);
    }

    /// <summary>Two hosts over one world, tenant "acme" provisioned through the first and known to the second.</summary>
    private static async Task<(WebhookTestHost First, WebhookTestHost Second, string Secret, string Body)> TwoHostsAsync(
        WebhookTestHost.Shared world, Action<TtnProvisioningOptions>? provisioning)
    {
        var first = await WebhookTestHost.StartAsync(world, provisioning: provisioning);
        var second = await WebhookTestHost.StartAsync(world, provisioning: provisioning);
        var (secret, application) = await first.ProvisionAsync();
        var body = WebhookTestHost.BodyFor("uplink.json", application);
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsync("acme", body, secret)).StatusCode);
        return (first, second, secret, body);
    }
}
