using System.Net;
using System.Text;

namespace Ttn.Provisioning.AspNetCore.Tests.Webhooks;

/// <summary>Who gets in: the tenant's secret (and, within its grace, the one it replaced); everyone else gets one same answer.</summary>
public sealed class AuthenticationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-the-secret")]
    public async Task A_missing_or_wrong_secret_is_refused_with_403_and_nothing_is_handled(string? presented)
    {
        await using var host = await WebhookTestHost.StartAsync();
        var (_, application) = await host.ProvisionAsync();

        using var response = await host.PostAsync("acme", WebhookTestHost.BodyFor("uplink.json", application), presented);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Handled.All);
    }

    [Fact]
    public async Task The_secret_sent_twice_is_refused()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var (secret, application) = await host.ProvisionAsync();

        using var response = await host.PostAsync(
            "acme", Encoding.UTF8.GetBytes(WebhookTestHost.BodyFor("uplink.json", application)), secret, "application/json",
            ("X-Webhook-Secret", secret));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Another_tenants_secret_is_refused()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var (_, acmeApplication) = await host.ProvisionAsync("acme");
        var (globexSecret, _) = await host.ProvisionAsync("globex");

        using var response = await host.PostAsync("acme", WebhookTestHost.BodyFor("uplink.json", acmeApplication), globexSecret);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_tenant_a_wrong_secret_and_an_invalid_tenant_id_get_byte_for_byte_the_same_answer()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var (secret, application) = await host.ProvisionAsync();
        var body = WebhookTestHost.BodyFor("uplink.json", application);

        var answers = new List<string>();
        foreach (var (tenant, presented) in (IEnumerable<(string, string)>)[("acme", secret + "x"), ("nobody", secret), ("\u0001", secret)])
        {
            using var response = await host.PostAsync(tenant, body, presented);
            answers.Add(await DescribeAsync(response));
        }

        Assert.Equal(answers[0], answers[1]);
        Assert.Equal(answers[0], answers[2]);
        Assert.StartsWith("403", answers[0], StringComparison.Ordinal);
        Assert.Empty(host.Handled.All);
    }

    [Fact]
    public async Task The_replaced_secret_is_accepted_until_its_grace_ends_and_refused_after()
    {
        await using var host = await WebhookTestHost.StartAsync(provisioning: o => o.WebhookSecretGracePeriod = TimeSpan.FromMinutes(2));
        var (old, application) = await host.ProvisionAsync();
        await host.Service.RotateWebhookSecretAsync(WebhookTestHost.Owner());
        var body = WebhookTestHost.BodyFor("uplink.json", application);

        host.Time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromTicks(1));
        using var within = await host.PostAsync("acme", body, old);
        host.Time.Advance(TimeSpan.FromTicks(1));
        using var after = await host.PostAsync("acme", body, old);
        using var current = await host.PostAsync("acme", body, await host.SecretAsync());

        Assert.Equal(HttpStatusCode.OK, within.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Fact]
    public async Task After_warm_up_deliveries_open_no_secret()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var (secret, application) = await host.ProvisionAsync();
        var body = WebhookTestHost.BodyFor("uplink.json", application);
        using (await host.PostAsync("acme", body, secret))
        {
        }

        var opens = host.Verifier.SecretOpens;
        for (var i = 0; i < 500; i++)
        {
            using var response = await host.PostAsync("acme", body, i % 5 == 0 ? "wrong" : secret);
            Assert.Equal(i % 5 == 0 ? HttpStatusCode.Forbidden : HttpStatusCode.OK, response.StatusCode);
            host.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(opens, host.Verifier.SecretOpens);
        Assert.Equal(1 + 400, host.Handled.Count);
    }

    /// <summary>Everything a caller sees of an answer: status, every header, the body.</summary>
    private static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        var headers = response.Headers.Concat(response.Content.Headers)
            .Select(h => $"{h.Key}: {string.Join(",", h.Value)}")
            .Order(StringComparer.Ordinal);
        var body = Convert.ToBase64String(await response.Content.ReadAsByteArrayAsync());
        return $"{(int)response.StatusCode}\n{string.Join("\n", headers)}\n{body}";
    }
}
