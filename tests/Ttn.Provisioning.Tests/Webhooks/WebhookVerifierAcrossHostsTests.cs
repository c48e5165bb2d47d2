using Ttn.Provisioning.Webhooks;
using static Ttn.Provisioning.Webhooks.WebhookVerificationOutcome;

namespace Ttn.Provisioning.Tests.Webhooks;

/// <summary>
/// What a change to a tenant's secrets does to what is accepted: at once on the host that wrote it, and within the stated
/// bounds on another host sharing the store (a new secret once a second passed since its last read, a revoked one within
/// the refresh interval).
/// </summary>
public sealed class WebhookVerifierAcrossHostsTests
{
    private const string Old = "old-secret-0123456789";
    private const string New = "new-secret-9876543210";

    [Fact]
    public async Task A_rotation_through_this_host_accepts_the_new_secret_and_drops_the_old_one_without_time_passing()
    {
        using var fixture = new VerifierFixture();
        await fixture.SetSecretsAsync("acme", Old);
        var verifier = fixture.NewHost();
        var store = new InvalidatingCredentialStore(fixture.Store, verifier);
        Assert.Equal(Accepted, await fixture.VerifyAsync(verifier, "acme", Old));

        await fixture.SetSecretsAsync("acme", New);
        await store.TryWriteAsync((await store.GetAsync("acme"))!);

        Assert.Equal(Accepted, await fixture.VerifyAsync(verifier, "acme", New));
        Assert.Equal(Rejected, await fixture.VerifyAsync(verifier, "acme", Old));
    }

    [Fact]
    public async Task A_new_secret_written_by_another_host_is_accepted_once_a_second_passed_since_this_host_read_the_record()
    {
        using var fixture = new VerifierFixture();
        await fixture.SetSecretsAsync("acme", Old);
        var here = fixture.NewHost();
        Assert.Equal(Accepted, await fixture.VerifyAsync(here, "acme", Old));

        await fixture.SetSecretsAsync("acme", Old, pending: New);

        Assert.Equal(Rejected, await fixture.VerifyAsync(here, "acme", New));
        fixture.Time.Advance(WebhookVerifier.MissRecheckInterval);
        Assert.Equal(Accepted, await fixture.VerifyAsync(here, "acme", New));
    }

    [Fact]
    public async Task A_secret_revoked_by_another_host_is_refused_here_within_the_refresh_interval()
    {
        using var fixture = new VerifierFixture(o => o.WebhookVerifierRefreshInterval = TimeSpan.FromSeconds(30));
        await fixture.SetSecretsAsync("acme", Old);
        var here = fixture.NewHost();
        Assert.Equal(Accepted, await fixture.VerifyAsync(here, "acme", Old));

        await fixture.SetSecretsAsync("acme", New);

        fixture.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(Accepted, await fixture.VerifyAsync(here, "acme", Old));
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Rejected, await fixture.VerifyAsync(here, "acme", Old));
        Assert.Equal(Accepted, await fixture.VerifyAsync(here, "acme", New));
    }

    [Fact]
    public async Task A_tenant_removed_by_another_host_is_unknown_here_within_the_refresh_interval()
    {
        using var fixture = new VerifierFixture();
        var record = await fixture.SetSecretsAsync("acme", Old);
        var here = fixture.NewHost();
        Assert.Equal(Accepted, await fixture.VerifyAsync(here, "acme", Old));

        Assert.True(await fixture.Store.DeleteAsync("acme", record.Version));
        fixture.Time.Advance(fixture.Options.WebhookVerifierRefreshInterval);

        Assert.Equal(Rejected, await fixture.VerifyAsync(here, "acme", Old));
    }

    [Fact]
    public async Task A_change_written_while_a_read_was_under_way_is_not_missed()
    {
        using var fixture = new VerifierFixture();
        await fixture.SetSecretsAsync("acme", Old);
        var gate = new GatedStore(fixture.Store) { ReadBeforeWaiting = true };
        var verifier = fixture.NewHost(gate);
        var store = new InvalidatingCredentialStore(fixture.Store, verifier);

        var delivery = verifier.VerifyAsync("acme", New, CancellationToken.None).AsTask();
        await fixture.SetSecretsAsync("acme", Old, pending: New);
        await store.TryWriteAsync((await store.GetAsync("acme"))!);
        gate.Open();

        Assert.Equal(Accepted, (await delivery).Outcome);
        Assert.Equal(2, gate.Reads);
    }
}
