using System.Net;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Tests.ThingsStack;

public sealed class ThingsStackResilienceTests : IDisposable
{
    private const string RateLimited = """{"code":8,"message":"error:pkg/ratelimit:rate_limit_exceeded (rate limit exceeded)","details":[{"namespace":"pkg/ratelimit","name":"rate_limit_exceeded","code":8}]}""";

    /// <summary>
    /// How long (on the real clock) a test waits for a timer, a request or the call before it fails: a broken retry
    /// pipeline fails the test instead of hanging it. Not a timing assertion; the waits themselves run on fake time.
    /// </summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly ThingsStackTestHost _host = new(o => o.BaseRetryDelay = TimeSpan.FromSeconds(1));

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_429_with_X_Rate_Limit_Retry_3_waits_three_seconds_before_the_next_attempt()
    {
        _host.Stub
            .Enqueue(HttpStatusCode.TooManyRequests, RateLimited, r => r.Headers.Add("X-Rate-Limit-Retry", "3"))
            .Enqueue(HttpStatusCode.OK, "{}");

        var call = _host.Client.GetAuthInfoAsync(ThingsStackTestHost.AdminKey);
        await _host.Time.WaitForTimerAsync(TimeSpan.FromSeconds(3)).WaitAsync(Guard);

        _host.Time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.Single(_host.Stub.Requests);

        _host.Time.Advance(TimeSpan.FromSeconds(0.1));
        await _host.Stub.WaitForRequestsAsync(2).WaitAsync(Guard);
        await call.WaitAsync(Guard);
        Assert.Equal(2, _host.Stub.Requests.Count);
    }

    [Fact]
    public async Task Post_answered_503_is_not_retried()
    {
        _host.Stub.Enqueue(HttpStatusCode.ServiceUnavailable, "{}").Enqueue(HttpStatusCode.OK, """{"ids":{"application_id":"app-1"}}""");

        var ex = await Assert.ThrowsAsync<ThingsStackException>(() =>
            _host.Client.CreateApplicationInOrganizationAsync(
                ThingsStackTestHost.AdminKey, "acme-org", new Application { Ids = new ApplicationIdentifiers("app-1") }).WaitAsync(Guard));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.True(ex.IsTransient);
        Assert.Single(_host.Stub.Requests);
    }

    [Fact]
    public async Task Post_answered_429_is_sent_again_after_the_wait()
    {
        _host.Stub
            .Enqueue(HttpStatusCode.TooManyRequests, RateLimited, r => r.Headers.Add("X-Rate-Limit-Retry", "2"))
            .Enqueue(HttpStatusCode.OK, """{"ids":{"application_id":"app-1"}}""");

        var call = _host.Client.CreateApplicationInOrganizationAsync(ThingsStackTestHost.AdminKey, "acme-org", new Application { Ids = new ApplicationIdentifiers("app-1") });
        await _host.Time.WaitForTimerAsync(TimeSpan.FromSeconds(2)).WaitAsync(Guard);
        _host.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("app-1", (await call.WaitAsync(Guard)).Ids.ApplicationId);
        Assert.Equal(2, _host.Stub.Requests.Count);
    }

    [Fact]
    public async Task Put_answered_503_is_retried()
    {
        _host.Stub
            .Enqueue(HttpStatusCode.ServiceUnavailable, "{}", r => r.Headers.Add("X-Rate-Limit-Retry", "5"))
            .Enqueue(HttpStatusCode.OK, """{"ids":{"webhook_id":"hook-1"}}""");
        var webhook = new Webhook { Ids = new WebhookIdentifiers("hook-1"), BaseUrl = "https://sink.example.com", Format = "json" };

        var call = _host.Client.SetWebhookAsync("nam1", ThingsStackTestHost.AdminKey, "app-1", webhook, ["base_url", "format"]);
        await _host.Time.WaitForTimerAsync(TimeSpan.FromSeconds(5)).WaitAsync(Guard);
        _host.Time.Advance(TimeSpan.FromSeconds(5));

        var result = await call.WaitAsync(Guard);
        Assert.Equal("hook-1", result.Ids.WebhookId);
        Assert.Equal(2, _host.Stub.Requests.Count);
        Assert.Empty(_host.Validator.Mismatches);
    }

    [Fact]
    public async Task Retry_After_as_an_http_date_is_honoured()
    {
        var start = _host.Time.GetUtcNow();
        _host.Stub
            .Enqueue(HttpStatusCode.ServiceUnavailable, "{}", r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(start.AddSeconds(7)))
            .Enqueue(HttpStatusCode.OK, "{}");

        var call = _host.Client.DeleteApplicationAsync(ThingsStackTestHost.AdminKey, "app-1");
        await _host.Time.WaitForTimerAsync(TimeSpan.FromSeconds(7)).WaitAsync(Guard);
        _host.Time.Advance(TimeSpan.FromSeconds(7));

        await call.WaitAsync(Guard);
        Assert.Equal(2, _host.Stub.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_during_a_retry_wait_ends_the_call_at_once()
    {
        _host.Stub.Enqueue(HttpStatusCode.TooManyRequests, RateLimited, r => r.Headers.Add("X-Rate-Limit-Retry", "30"));
        using var cts = new CancellationTokenSource();

        var call = _host.Client.GetAuthInfoAsync(ThingsStackTestHost.AdminKey, cts.Token);
        await _host.Time.WaitForTimerAsync(TimeSpan.FromSeconds(30)).WaitAsync(Guard);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Guard));
        Assert.Single(_host.Stub.Requests);
    }

    [Fact]
    public async Task Exhausted_retries_surface_the_last_error_with_its_retry_delay()
    {
        using var host = new ThingsStackTestHost(o => o.MaxRetryAttempts = 0);
        host.Stub.Enqueue(HttpStatusCode.TooManyRequests, RateLimited, r => r.Headers.Add("X-Rate-Limit-Retry", "4"));

        var ex = await Assert.ThrowsAsync<ThingsStackException>(
            () => host.Client.GetAuthInfoAsync(ThingsStackTestHost.AdminKey).WaitAsync(Guard));

        Assert.True(ex.IsRateLimited);
        Assert.True(ex.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(4), ex.RetryAfter);
    }
}
