using Ttn.Provisioning.Testing;
using Ttn.Provisioning.Tests.Provisioning;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Reliability;

/// <summary>With the client's retries on (the default), a rate limit or a timeout costs a wait, not a failed run.</summary>
public sealed class RetriesOnTests
{
    [Fact]
    public async Task Rate_limited_request_waits_as_told_then_provisioning_finishes_in_one_call()
    {
        await using var host = new ProvisioningTestHost(o => o.ThingsStack.MaxRetryAttempts = 4);
        host.Fake.Faults.Add(HttpMethod.Get, "auth_info", FakeFault.RateLimited(FaultInjection.RateLimitWait), onCall: 1);

        var run = host.Service.ProvisionAsync(Owner());
        await host.Time.WaitForTimerAsync(FaultInjection.RateLimitWait).WaitAsync(TimeSpan.FromSeconds(30));
        host.Time.Advance(FaultInjection.RateLimitWait - TimeSpan.FromMilliseconds(100));
        Assert.Single(host.Fake.Journal.Entries);
        host.Time.Advance(TimeSpan.FromMilliseconds(100));
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.IsReady, result.Error?.Message);
        var preflights = host.Fake.Journal.Entries.Where(e => e.Path.EndsWith("/auth_info", StringComparison.Ordinal)).ToList();
        Assert.Equal([429, 200], preflights.Select(e => e.StatusCode));
        Assert.True(preflights[1].Timestamp - preflights[0].Timestamp >= FaultInjection.RateLimitWait);
        FaultMatrixTests.AssertOneOfEach(host);
    }

    [Fact]
    public async Task Rate_limited_create_is_sent_again_after_the_wait_because_tts_refused_it_before_acting()
    {
        await using var host = new ProvisioningTestHost(o => o.ThingsStack.MaxRetryAttempts = 4);
        host.Fake.Faults.Add(HttpMethod.Post, "applications/*/api-keys", FakeFault.RateLimited(FaultInjection.RateLimitWait), onCall: 1);

        var run = host.Service.ProvisionAsync(Owner());
        await host.Time.WaitForTimerAsync(FaultInjection.RateLimitWait).WaitAsync(TimeSpan.FromSeconds(30));
        host.Time.Advance(FaultInjection.RateLimitWait);
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.IsReady, result.Error?.Message);
        var creates = host.Fake.Journal.Entries.Where(e => e.Method == "POST" && e.Path.EndsWith("/api-keys", StringComparison.Ordinal) && e.Path.Contains("/applications/", StringComparison.Ordinal)).ToList();
        Assert.Equal([429, 200], creates.Select(e => e.StatusCode));
        Assert.True(creates[1].Timestamp - creates[0].Timestamp >= FaultInjection.RateLimitWait);
        FaultMatrixTests.AssertOneOfEach(host);
    }

    [Fact]
    public async Task Timed_out_webhook_is_retried_by_the_client_and_provisioning_finishes_in_one_call()
    {
        await using var host = new ProvisioningTestHost(o => o.ThingsStack.MaxRetryAttempts = 4);
        host.Fake.Faults.Add(HttpMethod.Put, "as/webhooks/*/*", FakeFault.Delay(FaultInjection.Hang), onCall: 1);

        var run = host.Service.ProvisionAsync(Owner());
        await host.Time.WaitForTimerAsync(FaultInjection.Hang).WaitAsync(TimeSpan.FromSeconds(30));
        await FaultInjection.WaitUntilAsync(() => host.InFlight == 1);
        host.Time.Advance(FaultInjection.AttemptTimeout);
        while (!run.IsCompleted)
        {
            // The backoff before the second attempt is jittered: move the clock until it has passed.
            host.Time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.WhenAny(run, Task.Delay(5));
        }

        var result = await run;
        Assert.True(result.IsReady, result.Error?.Message);
        Assert.Equal(2, host.Fake.Journal.Entries.Count(e => e.Method == "PUT"));
        FaultMatrixTests.AssertOneOfEach(host);
    }
}
