using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;

namespace Ttn.Provisioning.Testing.Tests;

public class RateLimitTests
{
    [Fact]
    public async Task Over_the_rate_limit_the_fake_answers_429_rate_limit_exceeded_with_the_tts_headers()
    {
        var clock = new FakeTimeProvider();
        await using var tts = new FakeTts(new FakeThingsStackOptions { TimeProvider = clock });
        tts.Stack.RateLimit = new FakeRateLimit(2, TimeSpan.FromMinutes(1));
        using var client = tts.Client(tts.AliceKey);

        var first = await client.GetAsync("/api/v3/auth_info");
        await client.GetAsync("/api/v3/auth_info");
        var third = await client.GetAsync("/api/v3/auth_info");

        Assert.Equal("1", Assert.Single(first.Headers.GetValues("X-Rate-Limit-Available")));
        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        var body = await FakeTts.Body(third);
        Assert.Equal(8, body["code"]!.GetValue<int>());
        Assert.Equal("pkg/ratelimit", body["details"]![0]!["namespace"]!.GetValue<string>());
        Assert.Equal("rate_limit_exceeded", body["details"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("2", Assert.Single(third.Headers.GetValues("X-Rate-Limit-Limit")));
        Assert.Equal("0", Assert.Single(third.Headers.GetValues("X-Rate-Limit-Available")));
        Assert.Equal("30", Assert.Single(third.Headers.GetValues("X-Rate-Limit-Retry")));
        Assert.Equal("60", Assert.Single(third.Headers.GetValues("X-Rate-Limit-Reset")));
        Assert.False(third.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task After_the_retry_delay_passes_on_the_clock_the_request_is_allowed_again()
    {
        var clock = new FakeTimeProvider();
        await using var tts = new FakeTts(new FakeThingsStackOptions { TimeProvider = clock });
        tts.Stack.RateLimit = new FakeRateLimit(1, TimeSpan.FromMinutes(1));
        using var client = tts.Client(tts.AliceKey);
        await client.GetAsync("/api/v3/auth_info");
        Assert.Equal((HttpStatusCode)429, (await client.GetAsync("/api/v3/auth_info")).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v3/auth_info")).StatusCode);
    }

    [Fact]
    public async Task A_per_key_rate_limit_does_not_throttle_other_keys()
    {
        var clock = new FakeTimeProvider();
        await using var tts = new FakeTts(new FakeThingsStackOptions { TimeProvider = clock });
        tts.Stack.RateLimit = new FakeRateLimit(1, TimeSpan.FromMinutes(1), FakeRateLimitScope.PerApiKey);
        using var alice = tts.Client(tts.AliceKey);
        using var admin = tts.Client(tts.AdminKey);
        await alice.GetAsync("/api/v3/auth_info");

        var response = await admin.GetAsync("/api/v3/auth_info");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public class FaultTests
{
    [Fact]
    public async Task A_status_fault_on_the_second_call_answers_that_status_and_changes_nothing()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        tts.Stack.Faults.Add(HttpMethod.Post, "/organizations/*/applications", FakeFault.Status(503), onCall: 2);
        using var client = tts.Client(tts.AliceKey);

        var first = await client.PostAsync("/api/v3/organizations/acme/applications", FakeTts.Json("""{"application":{"ids":{"application_id":"app-one"}}}"""));
        var second = await client.PostAsync("/api/v3/organizations/acme/applications", FakeTts.Json("""{"application":{"ids":{"application_id":"app-two"}}}"""));
        var third = await client.PostAsync("/api/v3/organizations/acme/applications", FakeTts.Json("""{"application":{"ids":{"application_id":"app-three"}}}"""));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(14, (await FakeTts.Body(second))["code"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(["app-one", "app-three"], tts.Stack.Applications.Select(a => a.Id));
    }

    [Fact]
    public async Task A_fault_after_the_operation_loses_the_response_but_keeps_the_change()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        tts.Stack.Faults.Add(HttpMethod.Post, "/organizations/acme/api-keys", FakeFault.DropConnection(), onCall: 1, FakeFaultTiming.AfterOperation);
        using var client = tts.Client(tts.AliceKey);

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.PostAsJsonAsync("/api/v3/organizations/acme/api-keys", new { name = "tenant", rights = new[] { "RIGHT_ORGANIZATION_INFO" } }));

        Assert.Single(tts.Stack.ApiKeys, k => k.EntityType == FakeEntityType.Organization && k.Name == "tenant");
    }

    [Fact]
    public async Task A_status_fault_after_the_operation_answers_the_error_but_keeps_the_change()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        tts.Stack.Faults.Add(HttpMethod.Post, "/organizations/*/applications", FakeFault.Status(504), timing: FakeFaultTiming.AfterOperation);

        using var client = tts.Client(tts.AliceKey);
        var response = await client.PostAsync("/api/v3/organizations/acme/applications", FakeTts.Json("""{"application":{"ids":{"application_id":"acme-app"}}}"""));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Single(tts.Stack.Applications);
    }

    [Fact]
    public async Task A_dropped_connection_before_the_operation_throws_HttpRequestException_and_changes_nothing()
    {
        await using var tts = new FakeTts();
        var rule = tts.Stack.Faults.Add(HttpMethod.Post, "/users/alice/organizations", FakeFault.DropConnection());
        using var client = tts.Client(tts.AliceKey);

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.PostAsync("/api/v3/users/alice/organizations", FakeTts.Json("""{"organization":{"ids":{"organization_id":"acme"}}}""")));

        Assert.Empty(tts.Stack.Organizations);
        Assert.Equal(1, rule.AppliedCount);
    }

    [Fact]
    public async Task A_rate_limited_fault_answers_429_with_the_wait_in_X_Rate_Limit_Retry_and_changes_nothing()
    {
        await using var tts = new FakeTts();
        tts.Stack.Faults.Add(HttpMethod.Post, "/users/alice/organizations", FakeFault.RateLimited(TimeSpan.FromSeconds(2.5)), onCall: 1);
        using var client = tts.Client(tts.AliceKey);

        var response = await client.PostAsync("/api/v3/users/alice/organizations", FakeTts.Json("""{"organization":{"ids":{"organization_id":"acme"}}}"""));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("3", Assert.Single(response.Headers.GetValues("X-Rate-Limit-Retry")));
        Assert.Equal("rate_limit_exceeded", (await FakeTts.Body(response))["details"]![0]!["name"]!.GetValue<string>());
        Assert.Empty(tts.Stack.Organizations);
    }

    [Fact]
    public async Task A_delay_fault_waits_on_the_fakes_clock()
    {
        var clock = new FakeTimeProvider();
        await using var tts = new FakeTts(new FakeThingsStackOptions { TimeProvider = clock });
        var rule = tts.Stack.Faults.Add(HttpMethod.Get, "/auth_info", FakeFault.Delay(TimeSpan.FromSeconds(30)));
        using var client = tts.Client(tts.AliceKey);

        var pending = client.GetAsync("/api/v3/auth_info");
        Assert.True(SpinWait.SpinUntil(() => rule.AppliedCount == 1, TimeSpan.FromSeconds(10)));
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, (await pending).StatusCode);
    }
}

public class JournalTests
{
    [Fact]
    public async Task The_journal_records_each_request_with_its_status_and_key_id_but_not_the_secret()
    {
        await using var tts = new FakeTts();
        using var client = tts.Client(tts.AliceKey);
        var body = """{"organization":{"ids":{"organization_id":"acme"}}}""";

        await client.PostAsync("/api/v3/users/alice/organizations?x=1", FakeTts.Json(body));
        await client.DeleteAsync("/api/v3/applications/none");

        var entries = tts.Stack.Journal.Entries;
        Assert.Equal(2, entries.Count);
        Assert.Equal("POST", entries[0].Method);
        Assert.Equal("eu1.cloud.thethings.network", entries[0].Host);
        Assert.Equal("/api/v3/users/alice/organizations", entries[0].Path);
        Assert.Equal("x=1", entries[0].Query);
        Assert.Equal(body, entries[0].Body);
        Assert.Equal(200, entries[0].StatusCode);
        Assert.Equal(403, entries[1].StatusCode);
        var aliceKeyId = tts.AliceKey.Split('.')[1];
        Assert.All(entries, e => Assert.Equal(aliceKeyId, e.ApiKeyId));
    }

    [Fact]
    public async Task Clearing_the_journal_forgets_earlier_requests()
    {
        await using var tts = new FakeTts();
        using var client = tts.Client(tts.AliceKey);
        await client.GetAsync("/api/v3/auth_info");

        tts.Stack.Journal.Clear();

        Assert.Empty(tts.Stack.Journal.Entries);
    }
}

public class HostTests
{
    [Fact]
    public async Task A_request_to_a_host_the_fake_is_not_configured_for_fails_like_an_unreachable_host()
    {
        var options = new FakeThingsStackOptions();
        options.Hosts.Add("eu1.cloud.thethings.network");
        options.Hosts.Add("nam1.cloud.thethings.network");
        await using var tts = new FakeTts(options);
        using var client = tts.Client(tts.AliceKey);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("https://nam1.cloud.thethings.network/api/v3/auth_info")).StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("https://evil.example.com/api/v3/auth_info"));
    }

    [Fact]
    public async Task Concurrent_creates_of_the_same_application_id_succeed_exactly_once()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        using var client = tts.Client(tts.AliceKey);

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            client.PostAsync("/api/v3/organizations/acme/applications", FakeTts.Json("""{"application":{"ids":{"application_id":"acme-app"}}}""")))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(15, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }
}

public class ServerTests
{
    [Fact]
    public async Task The_server_answers_real_http_requests_on_127_0_0_1()
    {
        await using var tts = new FakeTts();
        var baseUri = await tts.Stack.StartServerAsync();
        using var client = new HttpClient { BaseAddress = baseUri };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tts.AliceKey);

        var response = await client.GetAsync("/api/v3/auth_info");

        Assert.Equal("127.0.0.1", baseUri.Host);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alice", (await FakeTts.Body(response))["api_key"]!["entity_ids"]!["user_ids"]!["user_id"]!.GetValue<string>());
        Assert.Equal("127.0.0.1", Assert.Single(tts.Stack.Journal.Entries).Host);
    }

    [Fact]
    public async Task The_server_resets_the_connection_for_a_dropped_connection_fault()
    {
        await using var tts = new FakeTts();
        var baseUri = await tts.Stack.StartServerAsync();
        tts.Stack.Faults.Add(HttpMethod.Get, "/auth_info", FakeFault.DropConnection());
        using var client = new HttpClient { BaseAddress = baseUri };

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/api/v3/auth_info"));
    }
}
