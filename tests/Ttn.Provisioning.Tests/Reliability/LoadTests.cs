using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Ttn.Provisioning.Testing;
using Ttn.Provisioning.Tests.Provisioning;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Tests.Reliability;

/// <summary>
/// Issue 6, part 5: many tenants at once against a rate-limited TTS, retries on. The clock is fake and moves only while
/// nothing is being sent (everyone waits for a retry delay), so every tenant that can send does so within the same
/// instant: the limit is reached on any machine, however slow, and the waits are checked exactly.
/// </summary>
public sealed class LoadTests
{
    internal const int TenantCount = 200;
    internal const int Concurrency = 16;
    internal const int RequestsPerSecond = 100;

    /// <summary>Requests of one tenant's provisioning without faults: preflight, organization, its key, application, its key, webhook.</summary>
    internal const int HappyPathRequests = 6;

    [Fact]
    public async Task Two_hundred_tenants_sixteen_at_a_time_against_100_requests_per_second_all_get_ready_and_back_off_as_told()
    {
        var attempts = new ConcurrentQueue<Attempt>();
        var clock = new StrongBox<TimeProvider>(TimeProvider.System);
        await using var host = new ProvisioningTestHost(
            o => o.ThingsStack.MaxRetryAttempts = 20,
            s => s.AddHttpClient(ThingsStackClient.HttpClientName).AddHttpMessageHandler(() => new AttemptRecorder(attempts, clock)));
        clock.Value = host.Time;
        host.Fake.RateLimit = new FakeRateLimit(RequestsPerSecond, TimeSpan.FromSeconds(1), FakeRateLimitScope.Global);
        var tenants = Enumerable.Range(1, TenantCount).Select(i => $"t{i:D3}").ToArray();
        using var gate = new SemaphoreSlim(Concurrency);

        var run = Task.WhenAll(tenants.Select(async tenant =>
        {
            await gate.WaitAsync();
            try
            {
                return await host.Service.ProvisionAsync(ProvisioningTestHost.Owner(tenant));
            }
            finally
            {
                gate.Release();
            }
        }));
        await AdvanceWhileIdleAsync(host, run);
        var results = await run;

        // No tenant fails; each made the happy-path requests, and nothing else but the retried 429s reached TTS.
        Assert.All(results, r => Assert.True(r.IsReady, $"{r.TenantId}: {r.Error?.Message}"));
        Assert.All(results, r => Assert.Equal(HappyPathRequests, r.TtsRequestCount));
        var journal = host.Fake.Journal.Entries;
        var rateLimited = journal.Count(e => e.StatusCode == 429);
        Assert.True(rateLimited > 0, "The load never reached the rate limit; the test proves nothing.");
        Assert.Equal(TenantCount * HappyPathRequests, journal.Count(e => e.StatusCode is >= 200 and < 300));
        Assert.Equal(TenantCount * HappyPathRequests + rateLimited, journal.Count);
        // Per tenant: the four requests whose path names its organization or application (preflight and the
        // organization create name only the admin user) succeeded exactly once each.
        Assert.All(tenants, tenant => Assert.Equal(HappyPathRequests - 2, journal.Count(e => e.StatusCode == 200 && Mentions(e.Path, tenant))));
        Assert.Equal(TenantCount, host.Fake.Organizations.Count);
        Assert.Equal(TenantCount, host.Fake.Applications.Count);

        // Backing off as told: no retry of a rate-limited request came before the wait its 429 asked for (at least 1 s).
        foreach (var group in attempts.GroupBy(a => a.Identity).Where(g => !g.Key.Contains("/auth_info ", StringComparison.Ordinal)))
        {
            var ordered = group.OrderBy(a => a.Sent).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var told = ordered[i - 1];
                Assert.True(told.Status == 429, $"{group.Key}: {string.Join(", ", ordered.Select(a => $"{a.Status}@{a.Sent:HH:mm:ss.fff}"))}");
                var wait = TimeSpan.FromSeconds(Math.Max(1, told.RetryAfterSeconds));
                Assert.True(ordered[i].Sent - told.Answered >= wait, $"{group.Key}: sent again after {ordered[i].Sent - told.Answered}, told to wait {wait}.");
            }
        }
    }

    /// <summary>
    /// Moves the fake clock by 50 ms whenever a millisecond passes with no request sent, until the run completes (or a
    /// generous real-time guard trips, so a hang fails instead of blocking the suite).
    /// </summary>
    private static async Task AdvanceWhileIdleAsync(ProvisioningTestHost host, Task run)
    {
        var guard = Environment.TickCount64 + (long)TimeSpan.FromMinutes(3).TotalMilliseconds;
        while (!run.IsCompleted)
        {
            Assert.True(Environment.TickCount64 < guard, "The load run did not finish.");
            var before = host.Fake.Journal.Entries.Count;
            await Task.Delay(1);
            if (host.Fake.Journal.Entries.Count == before)
            {
                host.Time.Advance(TimeSpan.FromMilliseconds(50));
            }
        }
    }

    private static bool Mentions(string path, string tenant) =>
        path.Split('/').Any(segment => segment.EndsWith("-" + tenant, StringComparison.Ordinal));

    private sealed record Attempt(string Identity, DateTimeOffset Sent, DateTimeOffset Answered, int Status, double RetryAfterSeconds);

    /// <summary>Records each attempt (inside the retry pipeline): when it went, when it was answered, and the wait a 429 asked for.</summary>
    private sealed class AttemptRecorder(ConcurrentQueue<Attempt> attempts, StrongBox<TimeProvider> clock) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            var sent = clock.Value!.GetUtcNow();
            var response = await base.SendAsync(request, cancellationToken);
            var retry = response.Headers.TryGetValues("X-Rate-Limit-Retry", out var values)
                ? double.Parse(values.First(), CultureInfo.InvariantCulture)
                : 0;
            attempts.Enqueue(new Attempt($"{request.Method} {request.RequestUri!.AbsolutePath} {body.GetHashCode(StringComparison.Ordinal)}", sent, clock.Value!.GetUtcNow(), (int)response.StatusCode, retry));
            return response;
        }
    }
}
