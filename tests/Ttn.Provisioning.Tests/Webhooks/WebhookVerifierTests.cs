using Ttn.Provisioning.Webhooks;
using static Ttn.Provisioning.Webhooks.WebhookVerificationOutcome;

namespace Ttn.Provisioning.Tests.Webhooks;

/// <summary>
/// The webhook verifier on one host: one HMAC per delivery once warm (no store read, no secret opened), every slot compared,
/// an unknown tenant handled like a wrong secret, and bounded memory.
/// </summary>
public sealed class WebhookVerifierTests
{
    private const string Secret = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private const string Other = "1111111111111111111111111111111111111111111111111111111111111111";

    [Fact]
    public async Task After_the_first_delivery_no_secret_is_opened_and_the_store_is_not_read()
    {
        using var fixture = new VerifierFixture();
        await fixture.SetSecretsAsync("acme", Secret);
        var verifier = fixture.NewHost();
        Assert.Equal(Accepted, await fixture.VerifyAsync(verifier, "acme", Secret));
        var opens = verifier.SecretOpens;
        var reads = fixture.Store.Reads;

        for (var i = 0; i < 1_000; i++)
        {
            Assert.Equal(Accepted, await fixture.VerifyAsync(verifier, "acme", Secret));
            fixture.Time.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.Equal(1, opens);
        Assert.Equal(opens, verifier.SecretOpens);
        Assert.Equal(reads, fixture.Store.Reads);
    }

    [Fact]
    public async Task The_pending_secret_and_the_previous_one_within_its_grace_are_accepted_and_nothing_else()
    {
        using var fixture = new VerifierFixture();
        var until = fixture.Time.GetUtcNow() + TimeSpan.FromMinutes(5);
        await fixture.SetSecretsAsync("acme", "current-secret-1", pending: "pending-secret-2", previous: "previous-secret-0", until);
        var verifier = fixture.NewHost();

        Assert.Equal(Accepted, await fixture.VerifyAsync(verifier, "acme", "current-secret-1"));
        Assert.Equal(Accepted, await fixture.VerifyAsync(verifier, "acme", "pending-secret-2"));
        Assert.Equal(Accepted, await fixture.VerifyAsync(verifier, "acme", "previous-secret-0"));
        Assert.Equal(Rejected, await fixture.VerifyAsync(verifier, "acme", "current-secret-"));
        Assert.Equal(Rejected, await fixture.VerifyAsync(verifier, "acme", "current-secret-1 "));
    }

    [Fact]
    public async Task The_previous_secret_is_refused_from_the_instant_its_grace_ends_without_reading_the_store()
    {
        using var fixture = new VerifierFixture(o => o.WebhookVerifierRefreshInterval = TimeSpan.FromMinutes(10));
        var until = fixture.Time.GetUtcNow() + TimeSpan.FromMinutes(2);
        await fixture.SetSecretsAsync("acme", Secret, previous: Other, previousValidUntil: until);
        var verifier = fixture.NewHost();
        Assert.Equal(Accepted, await fixture.VerifyAsync(verifier, "acme", Other));

        fixture.Time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromTicks(1));
        Assert.Equal(Accepted, await fixture.VerifyAsync(verifier, "acme", Other));
        fixture.Time.Advance(TimeSpan.FromTicks(1));
        var reads = fixture.Store.Reads;

        Assert.Equal(Accepted, await fixture.VerifyAsync(verifier, "acme", Secret));
        Assert.Equal(reads, fixture.Store.Reads);
        Assert.Equal(Rejected, await fixture.VerifyAsync(verifier, "acme", Other));
    }

    [Fact]
    public async Task A_wrong_secret_makes_at_most_one_store_read_a_second_and_never_opens_a_secret_again()
    {
        using var fixture = new VerifierFixture();
        await fixture.SetSecretsAsync("acme", Secret);
        var verifier = fixture.NewHost();
        await fixture.VerifyAsync(verifier, "acme", Secret);
        var reads = fixture.Store.Reads;

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(Rejected, await fixture.VerifyAsync(verifier, "acme", Other + i));
        }

        Assert.Equal(reads, fixture.Store.Reads);
        fixture.Time.Advance(WebhookVerifier.MissRecheckInterval);
        Assert.Equal(Rejected, await fixture.VerifyAsync(verifier, "acme", Other));
        Assert.Equal(reads + 1, fixture.Store.Reads);
        Assert.Equal(1, verifier.SecretOpens);
    }

    [Fact]
    public async Task An_unknown_tenant_costs_the_store_reads_of_a_wrong_secret_and_gets_the_same_answer()
    {
        using var fixture = new VerifierFixture();
        await fixture.SetSecretsAsync("acme", Secret);
        var verifier = fixture.NewHost();
        var costs = new Dictionary<string, int>();

        foreach (var tenant in (string[])["acme", "nobody"])
        {
            var reads = fixture.Store.Reads;
            var answers = new List<WebhookVerificationOutcome>();
            for (var second = 0; second < 3; second++)
            {
                for (var i = 0; i < 10; i++)
                {
                    answers.Add(await fixture.VerifyAsync(verifier, tenant, Other));
                }

                fixture.Time.Advance(WebhookVerifier.MissRecheckInterval);
            }

            Assert.All(answers, a => Assert.Equal(Rejected, a));
            costs[tenant] = fixture.Store.Reads - reads;
        }

        Assert.Equal(3, costs["acme"]);
        Assert.Equal(costs["acme"], costs["nobody"]);
    }

    [Theory]
    [InlineData(null, Secret)]
    [InlineData("", Secret)]
    [InlineData("tenant\u0001", Secret)]
    [InlineData("acme", null)]
    [InlineData("acme", "")]
    public async Task Malformed_input_is_a_rejection_without_a_store_read(string? tenantId, string? secret)
    {
        using var fixture = new VerifierFixture();
        await fixture.SetSecretsAsync("acme", Secret);
        var verifier = fixture.NewHost();
        var reads = fixture.Store.Reads;

        Assert.Equal(Rejected, await fixture.VerifyAsync(verifier, tenantId, secret));
        Assert.Equal(reads, fixture.Store.Reads);
    }

    [Fact]
    public async Task A_record_rewritten_without_a_secret_change_is_confirmed_without_opening_a_secret()
    {
        using var fixture = new VerifierFixture();
        await fixture.SetSecretsAsync("acme", Secret);
        var verifier = fixture.NewHost();
        await fixture.VerifyAsync(verifier, "acme", Secret);

        await fixture.TouchAsync("acme");
        verifier.Invalidate("acme");

        Assert.Equal(Accepted, await fixture.VerifyAsync(verifier, "acme", Secret));
        Assert.Equal(1, verifier.SecretOpens);
    }

    [Fact]
    public async Task Concurrent_deliveries_for_a_tenant_not_yet_known_share_one_store_read()
    {
        using var fixture = new VerifierFixture();
        await fixture.SetSecretsAsync("acme", Secret);
        var gate = new GatedStore(fixture.Store);
        var verifier = fixture.NewHost(gate);

        var deliveries = Enumerable.Range(0, 50)
            .Select(_ => verifier.VerifyAsync("acme", Secret, CancellationToken.None).AsTask())
            .ToList();
        gate.Open();
        var answers = await Task.WhenAll(deliveries);

        Assert.All(answers, a => Assert.Equal(Accepted, a.Outcome));
        Assert.Equal(1, gate.Reads);
        Assert.Equal(1, verifier.SecretOpens);
    }

    [Fact]
    public async Task A_store_failure_propagates_and_is_not_remembered()
    {
        using var fixture = new VerifierFixture();
        await fixture.SetSecretsAsync("acme", Secret);
        var failing = new GatedStore(fixture.Store) { Fail = true };
        failing.Open();
        var verifier = fixture.NewHost(failing);

        await Assert.ThrowsAsync<IOException>(() => verifier.VerifyAsync("acme", Secret, CancellationToken.None).AsTask());
        failing.Fail = false;

        Assert.Equal(Accepted, await fixture.VerifyAsync(verifier, "acme", Secret));
    }

    [Fact]
    public async Task Known_tenants_past_the_capacity_evict_the_least_recently_used()
    {
        using var fixture = new VerifierFixture(o => o.WebhookVerifierCapacity = 20);
        for (var i = 0; i < 50; i++)
        {
            await fixture.SetSecretsAsync($"tenant-{i}", Secret);
        }

        var verifier = fixture.NewHost();
        await fixture.VerifyAsync(verifier, "tenant-0", Secret);
        for (var i = 1; i < 50; i++)
        {
            fixture.Time.Advance(TimeSpan.FromMilliseconds(10));
            await fixture.VerifyAsync(verifier, "tenant-0", Secret);
            await fixture.VerifyAsync(verifier, $"tenant-{i}", Secret);
        }

        Assert.InRange(verifier.EntryCount, 1, 20);
        var opens = verifier.SecretOpens;
        Assert.Equal(Accepted, await fixture.VerifyAsync(verifier, "tenant-0", Secret));
        Assert.Equal(Accepted, await fixture.VerifyAsync(verifier, "tenant-49", Secret));
        Assert.Equal(opens, verifier.SecretOpens);
    }

    [Fact]
    public async Task Made_up_tenants_cannot_evict_known_ones()
    {
        using var fixture = new VerifierFixture();
        await fixture.SetSecretsAsync("acme", Secret);
        var verifier = fixture.NewHost();
        await fixture.VerifyAsync(verifier, "acme", Secret);

        for (var i = 0; i < WebhookVerifier.AbsentCapacity * 3; i++)
        {
            await fixture.VerifyAsync(verifier, $"made-up-{i}", Secret);
        }

        var reads = fixture.Store.Reads;
        Assert.Equal(Accepted, await fixture.VerifyAsync(verifier, "acme", Secret));
        Assert.Equal(reads, fixture.Store.Reads);
        Assert.InRange(verifier.EntryCount, 2, WebhookVerifier.AbsentCapacity + 1);
    }
}
