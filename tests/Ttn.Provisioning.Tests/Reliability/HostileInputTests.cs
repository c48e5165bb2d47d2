using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tests.Provisioning;
using Ttn.Provisioning.ThingsStack;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Reliability;

/// <summary>Issue 6, part 3: hostile input gives a clear typed error or a Failed SafeDecrypt, never a crash or a changed record.</summary>
public sealed class HostileInputTests
{
    /// <summary>How many mutated stored tokens are read back through GetCredentialsAsync.</summary>
    internal const int MutatedTokenCount = 10_000;

    public static TheoryData<string> InvalidTenantIds() => new()
    {
        string.Empty,
        "tab\tinside",
        "line\nbreak",
        "nul\0inside",
        new string('a', SecretContext.MaxTenantIdLength + 1),
        new string('x', 100_000),
    };

    /// <summary>
    /// Issue 10, finding 6: ill-formed UTF-16 (which UTF-8 would turn into U+FFFD, so two ids would collide) and dot
    /// segments (which vanish from the webhook URL). Enumerated at run time: test-case serialisation would mend a surrogate.
    /// </summary>
    public static TheoryData<string> CollidingTenantIds() => new() { "t\uD800", "t\uDC00", ".", ".." };

    public static TheoryData<string> InvalidTtsIds() => new()
    {
        "UPPER-case",
        "ab",
        new string('a', 37),
        "double--hyphen",
        "-leading",
        "trailing-",
        "../escape",
        "app/with/slash",
        "app id",
        "émoji-✓",
        new string('a', 100_000),
    };

    public static TheoryData<string, string> HostileWebhookUrls() => new()
    {
        { "http://api.example.com/hook", "https" },
        { "ftp://api.example.com/hook", "https" },
        { "file:///etc/passwd", "https" },
        { "https://user:pass@api.example.com/hook", "user info" },
        { "https://10.0.0.5/hook", "private" },
        { "https://172.16.1.1/hook", "private" },
        { "https://192.168.1.1/hook", "private" },
        { "https://169.254.169.254/latest/meta-data", "link-local" },
        { "https://[fe80::1]/hook", "link-local" },
        { "https://[fd00::1]/hook", "private" },
        { "https://127.0.0.1/hook", "loopback" },
        { "https://localhost/hook", "localhost" },
        { "https://api.example.com/hook?x=1", "query" },
    };

    /// <summary>Bodies a broken or hostile TTS might answer a create-key request with.</summary>
    public static TheoryData<string> MalformedBodies() => new()
    {
        "invalid json",
        "wrong types",
        "missing fields",
        "empty",
        "null",
        "huge",
    };

    public static TheoryData<TenantRole> UnknownRoles() => new() { TenantRole.None, (TenantRole)99, (TenantRole)(-1) };

    [Theory]
    [MemberData(nameof(InvalidTenantIds))]
    [MemberData(nameof(CollidingTenantIds), DisableDiscoveryEnumeration = true)]
    public async Task Invalid_or_oversized_tenant_id_is_refused_before_any_request_or_write(string tenantId)
    {
        await using var host = new ProvisioningTestHost();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => host.Service.ProvisionAsync(Owner(tenantId)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => host.Service.GetCredentialsAsync(Owner(tenantId)));
        // The webhook endpoint passes on what an unauthenticated request says: a bad tenant id is a "no", not an exception.
        Assert.False(await host.Service.VerifyWebhookSecretAsync(tenantId, "x"));

        Assert.Empty(host.Fake.Journal.Entries);
        Assert.Equal(0, host.CrashStore.Writes);
    }

    [Theory]
    [MemberData(nameof(InvalidTtsIds))]
    public async Task Invalid_tts_id_is_refused_before_any_request_or_write(string applicationId)
    {
        await using var host = new ProvisioningTestHost();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => host.Service.ConfigureExistingApplicationAsync(Owner(), applicationId, host.AdminKey));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => host.Service.CheckApiKeyAsync(Owner(), host.AdminKey, applicationId));

        Assert.Empty(host.Fake.Journal.Entries);
        Assert.Equal(0, host.CrashStore.Writes);
    }

    [Theory]
    [MemberData(nameof(HostileWebhookUrls))]
    public void Hostile_webhook_url_fails_options_validation_naming_the_setting_and_no_key(string url, string problem)
    {
        var services = new ServiceCollection();
        services.AddTtnProvisioning(o =>
        {
            o.ThingsStack.IdentityServerUri = IdentityServer;
            o.AdminApiKey = "NNSXS.ADMINKEYIDADMINKEYIDADMINKEYIDADMINKEYID123.SECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRET1234";
            o.WebhookBaseUrl = new Uri(url);
            o.Secrets.Keys.Add(new SecretKeyOptions { Id = "k", Key = SecretKey });
            o.Secrets.PrimaryKeyId = "k";
        });
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TtnProvisioningOptions>>().Value);

        Assert.Contains("WebhookBaseUrl", failure.Message, StringComparison.Ordinal);
        Assert.Contains(problem, failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SECRETSECRET", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretKey, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(UnknownRoles))]
    public async Task Caller_with_no_role_or_an_unknown_one_is_denied_everything_without_io(TenantRole role)
    {
        await using var host = new ProvisioningTestHost();
        Assert.True((await host.Service.ProvisionAsync(Owner())).IsReady);
        host.Fake.Journal.Clear();
        var writes = host.CrashStore.Writes;

        foreach (var operation in Enum.GetValues<ProvisioningOperation>())
        {
            Assert.Equal(ProvisioningOutcome.Denied, await AuthorizationThroughServiceTests.InvokeAsync(host, As(role), operation));
        }

        Assert.Empty(host.Fake.Journal.Entries);
        Assert.Equal(writes, host.CrashStore.Writes);
    }

    [Fact]
    public async Task Ten_thousand_mutated_stored_tokens_open_as_failed_or_as_the_right_value_and_change_nothing()
    {
        await using var host = new ProvisioningTestHost();
        Assert.True((await host.Service.ProvisionAsync(Owner())).IsReady);
        var original = await host.RecordAsync();
        var token = original.OrganizationApiKey?.Sealed!;
        var expected = host.Protector.Unprotect(token, new SecretContext("acme", SecretField.OrganizationApiKey)).Value;
        var random = new Random(20261127);
        var failed = 0;

        for (var i = 0; i < MutatedTokenCount; i++)
        {
            var current = await host.RecordAsync();
            var mutated = Mutate(token, random);
            var written = await host.Store.TryWriteAsync(current with { OrganizationApiKey = new StoredApiKey(
                sealedKey: mutated,
                lastFour: current.OrganizationApiKey?.LastFour,
                keyId: current.OrganizationApiKey?.KeyId) });
            Assert.NotNull(written);

            var result = await host.Service.GetCredentialsAsync(Owner());

            var secret = result.Credentials!.OrganizationApiKey.Secret;
            Assert.True(secret.Status == SafeDecryptStatus.Failed || (secret.IsDecrypted && secret.Value == expected), $"{mutated} opened as {secret}");
            failed += secret.Status == SafeDecryptStatus.Failed ? 1 : 0;
            Assert.Equal(written, await host.RecordAsync());
        }

        Assert.True(failed > MutatedTokenCount * 9 / 10, $"Only {failed} of {MutatedTokenCount} mutations failed to open.");
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_tts_answer_fails_the_step_with_a_typed_error_and_retry_recovers(string body)
    {
        var corrupt = new BodyReplacer(HttpMethod.Post, "/applications/", "/api-keys", Body(body));
        await using var host = new ProvisioningTestHost(services: s => s.AddHttpClient(ThingsStackClient.HttpClientName).AddHttpMessageHandler(() => corrupt));

        var failed = await host.Service.ProvisionAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Failed, failed.Outcome);
        Assert.Equal(ProvisioningStep.ApplicationApiKey, failed.Error!.Step);
        var record = await host.RecordAsync();
        Assert.Equal(ProvisioningState.Failed, record.State);
        Assert.Null(record.Lease?.Holder);
        Assert.Null(record.ApplicationApiKey?.Sealed);
        Assert.NotNull(record.OrganizationApiKey?.Sealed);

        corrupt.Enabled = false;
        var retried = await host.Service.RetryAsync(Owner());

        Assert.True(retried.IsReady, retried.Error?.Message);
        FaultMatrixTests.AssertOneOfEach(host);
        await FailureAndRetryTests.AssertStoredSecretsOpenAsync(host);
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_tts_answer_to_the_client_is_a_things_stack_exception(string body)
    {
        var corrupt = new BodyReplacer(HttpMethod.Get, "/auth_info", string.Empty, Body(body));
        await using var host = new ProvisioningTestHost(services: s => s.AddHttpClient(ThingsStackClient.HttpClientName).AddHttpMessageHandler(() => corrupt));
        var client = host.Services.GetRequiredService<IThingsStackClient>();

        var error = await Record.ExceptionAsync(() => client.GetAuthInfoAsync(host.AdminKey));

        // "missing fields" is a valid (empty) auth_info: the client returns it, and preflight refuses it.
        if (error is not null)
        {
            var tts = Assert.IsType<ThingsStackException>(error);
            Assert.Equal(HttpStatusCode.OK, tts.StatusCode);
        }
        else
        {
            var result = await host.Service.ProvisionAsync(Owner());
            Assert.Equal(ProvisioningStep.Preflight, result.Error!.Step);
        }
    }

    private static string Body(string kind) => kind switch
    {
        "invalid json" => "{\"id\": \"abc\", \"key\": ",
        "wrong types" => "{\"id\": 42, \"key\": [\"NNSXS\"], \"rights\": \"all\"}",
        "missing fields" => "{}",
        "empty" => string.Empty,
        "null" => "null",
        "huge" => "{\"id\":\"" + new string('A', 8 * 1024 * 1024),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string Mutate(string token, Random random)
    {
        var chars = new StringBuilder(token);
        switch (random.Next(6))
        {
            case 0:
                var at = random.Next(chars.Length);
                chars[at] = (char)(chars[at] ^ (1 << random.Next(7)));
                break;
            case 1:
                chars.Length = random.Next(1, chars.Length);
                break;
            case 2:
                chars.Insert(random.Next(chars.Length + 1), (char)random.Next(32, 0x3000));
                break;
            case 3:
                chars.Remove(random.Next(chars.Length), 1);
                break;
            case 4:
                chars.Replace('.', random.Next(2) == 0 ? ':' : '.', 0, Math.Min(chars.Length, 8));
                chars.Append(new string('=', random.Next(1, 5)));
                break;
            default:
                var a = random.Next(chars.Length);
                var b = random.Next(chars.Length);
                (chars[a], chars[b]) = (chars[b], chars[a]);
                break;
        }

        return chars.ToString();
    }

    /// <summary>Replaces the answer body of matching requests (after the fake acted), as a broken or hostile TTS would.</summary>
    private sealed class BodyReplacer(HttpMethod method, string pathContains, string pathEndsWith, string body) : DelegatingHandler
    {
        public bool Enabled { get; set; } = true;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var path = request.RequestUri!.AbsolutePath;
            if (Enabled && request.Method == method && path.Contains(pathContains, StringComparison.Ordinal) && path.EndsWith(pathEndsWith, StringComparison.Ordinal))
            {
                response.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            return response;
        }
    }
}
