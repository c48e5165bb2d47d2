using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using static Ttn.Provisioning.Tests.Secrets.SecretTestData;

namespace Ttn.Provisioning.Tests.Storage;

public sealed class CredentialStoreReprotectorTests : IDisposable
{
    private const string OtherApiKey = "NNSXS.ZYXWVUTSRQPONMLKJIHGFEDCBA765432ABCDEFG.ZYXWVUTSRQPONMLKJIHGFEDCBA765432ABCDEFGHIJKLMNOPQRST";

    private static readonly DateTimeOffset Now = new(2026, 11, 3, 12, 0, 0, TimeSpan.Zero);

    private readonly AesGcmSecretProtector _old = Protector("old", "old");
    private readonly AesGcmSecretProtector _gone = Protector("gone", "gone");
    private readonly AesGcmSecretProtector _current;
    private readonly InMemoryCredentialStore _store = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly FakeLogger<CredentialStoreReprotector> _logger = new();

    public CredentialStoreReprotectorTests()
    {
        var ring = Ring("new", "old", "new");
        ring.LegacySalt = LegacySalt;
        ring.AllowLegacyFormatsUntil = Now.AddDays(30);
        _current = new AesGcmSecretProtector(Microsoft.Extensions.Options.Options.Create(ring), _time);
    }

    public void Dispose()
    {
        _old.Dispose();
        _gone.Dispose();
        _current.Dispose();
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_change_and_writes_nothing()
    {
        var mixed = await SeedMixedTenantAsync("tenant-a");
        var empty = await WriteAsync(new TenantRecord { TenantId = "tenant-b" });

        var report = await Sweeper().ReprotectAllAsync(new CredentialStoreReprotectOptions { DryRun = true, PageSize = 1 });

        Assert.True(report.DryRun);
        Assert.Equal(2, report.TenantsScanned);
        Assert.Equal(1, report.TenantsUpdated);
        Assert.Equal(1, report.Count(TenantSecretSlot.OrganizationApiKey, ReprotectOutcome.Reprotected));
        Assert.Equal(1, report.Count(TenantSecretSlot.ApplicationApiKey, ReprotectOutcome.AlreadyCurrent));
        Assert.Equal(1, report.Count(TenantSecretSlot.WebhookSecret, ReprotectOutcome.Reprotected));
        Assert.Equal(1, report.Count(TenantSecretSlot.PendingWebhookSecret, ReprotectOutcome.Reprotected));
        Assert.Equal(2, report.Count(TenantSecretSlot.GatewayApiKey, ReprotectOutcome.Empty));
        Assert.Equal(3, report.ValuesReprotected);
        Assert.Equal(8, report.Count(ReprotectOutcome.Empty));
        Assert.Equal(0, report.ConflictsRetried);

        Assert.Equal(mixed, await _store.GetAsync("tenant-a"));
        Assert.Equal(empty, await _store.GetAsync("tenant-b"));
    }

    [Fact]
    public async Task A_real_run_seals_old_key_and_legacy_values_with_the_primary_key()
    {
        var before = await SeedMixedTenantAsync("tenant-a");

        var report = await Sweeper().ReprotectAllAsync();

        Assert.False(report.DryRun);
        Assert.Equal(1, report.TenantsUpdated);
        Assert.Equal(3, report.ValuesReprotected);
        var after = (await _store.GetAsync("tenant-a"))!;
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(Now, after.UpdatedAt);
        Assert.Equal(before.ApplicationApiKey?.Sealed, after.ApplicationApiKey?.Sealed);
        AssertCurrent(after.OrganizationApiKey?.Sealed, "tenant-a", SecretField.OrganizationApiKey, ApiKey);
        AssertCurrent(after.ApplicationApiKey?.Sealed, "tenant-a", SecretField.ApplicationApiKey, OtherApiKey);
        AssertCurrent(after.WebhookSecret.Sealed, "tenant-a", SecretField.WebhookSecret, WebhookSecret);
        AssertCurrent(after.WebhookSecret.PendingSealed, "tenant-a", SecretField.WebhookSecret, WebhookSecret + "-next");

        var again = await Sweeper().ReprotectAllAsync();
        Assert.Equal(0, again.ValuesReprotected);
        Assert.Equal(0, again.TenantsUpdated);
        Assert.Equal(after, await _store.GetAsync("tenant-a"));
    }

    [Fact]
    public async Task A_concurrent_writers_change_is_kept_and_the_tenant_retried()
    {
        await SeedMixedTenantAsync("tenant-a");
        var interfering = new InterferingStore(_store, times: 1);

        var report = await new CredentialStoreReprotector(interfering, _current, _time, _logger).ReprotectAllAsync();

        Assert.Equal(1, report.ConflictsRetried);
        Assert.Equal(1, report.TenantsUpdated);
        Assert.Equal(3, report.ValuesReprotected);
        var after = (await _store.GetAsync("tenant-a"))!;
        Assert.Equal("changed-by-other-writer-1", after.OrganizationId);
        AssertCurrent(after.OrganizationApiKey?.Sealed, "tenant-a", SecretField.OrganizationApiKey, ApiKey);
    }

    [Fact]
    public async Task A_tenant_that_keeps_changing_is_skipped_after_the_retries()
    {
        var seeded = await SeedMixedTenantAsync("tenant-a");
        var interfering = new InterferingStore(_store, times: int.MaxValue);

        var report = await new CredentialStoreReprotector(interfering, _current, _time, _logger)
            .ReprotectAllAsync(new CredentialStoreReprotectOptions { MaxConflictRetries = 2 });

        Assert.Equal(2, report.ConflictsRetried);
        Assert.Equal(["tenant-a"], report.TenantsSkippedAfterConflicts);
        Assert.Equal(0, report.TenantsUpdated);
        Assert.Equal(0, report.ValuesReprotected);
        Assert.Equal(seeded.OrganizationApiKey?.Sealed, (await _store.GetAsync("tenant-a"))!.OrganizationApiKey?.Sealed);
    }

    [Fact]
    public async Task Values_that_fail_to_open_are_reported_and_left_untouched()
    {
        var unknownKey = _gone.Protect(ApiKey, new SecretContext("tenant-a", SecretField.GatewayApiKey));
        var otherTenant = _old.Protect(WebhookSecret, new SecretContext("tenant-z", SecretField.WebhookSecret));
        await WriteAsync(new TenantRecord
        {
            TenantId = "tenant-a",
            OrganizationApiKey = Key(_old.Protect(ApiKey, new SecretContext("tenant-a", SecretField.OrganizationApiKey))),
            GatewayApiKey = Key(unknownKey),
            WebhookSecret = new WebhookSecretSet(
                sealedSecret: otherTenant,
                lastFour: null,
                pendingSealed: null,
                previousSealed: null,
                previousValidUntil: null),
        });

        var report = await Sweeper().ReprotectAllAsync();

        Assert.Equal(1, report.CountFailed(TenantSecretSlot.GatewayApiKey, SafeDecryptFailureReason.UnknownKey));
        Assert.Equal(1, report.CountFailed(TenantSecretSlot.WebhookSecret, SafeDecryptFailureReason.AuthenticationFailed));
        Assert.Equal(2, report.ValuesFailed);
        var after = (await _store.GetAsync("tenant-a"))!;
        Assert.Equal(unknownKey, after.GatewayApiKey?.Sealed);
        Assert.Equal(otherTenant, after.WebhookSecret.Sealed);
        AssertCurrent(after.OrganizationApiKey?.Sealed, "tenant-a", SecretField.OrganizationApiKey, ApiKey);
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Id.Id == 4205 && r.Message.Contains("GatewayApiKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_report_counts_values_reprotected_already_current_and_failed()
    {
        await WriteAsync(new TenantRecord
        {
            TenantId = "tenant-a",
            OrganizationApiKey = Key(LegacySecretFormats.Encode(ApiKey, LegacySalt, LegacyFormat.Base64)),
            ApplicationApiKey = Key(_current.Protect(ApiKey, new SecretContext("tenant-a", SecretField.ApplicationApiKey))),
            GatewayApiKey = Key(_gone.Protect(ApiKey, new SecretContext("tenant-a", SecretField.GatewayApiKey))),
        });

        var report = await Sweeper().ReprotectAllAsync();

        Assert.Equal((1, 1, 1), (report.ValuesReprotected, report.ValuesAlreadyCurrent, report.ValuesFailed));
    }

    [Fact]
    public async Task Tenants_with_values_that_fail_to_open_are_listed_once_in_scan_order()
    {
        await WriteAsync(new TenantRecord
        {
            TenantId = "tenant-c",
            OrganizationApiKey = Key(_gone.Protect(ApiKey, new SecretContext("tenant-c", SecretField.OrganizationApiKey))),
        });
        await WriteAsync(new TenantRecord
        {
            TenantId = "tenant-a",
            OrganizationApiKey = Key(_gone.Protect(ApiKey, new SecretContext("tenant-a", SecretField.OrganizationApiKey))),
            GatewayApiKey = Key(_gone.Protect(ApiKey, new SecretContext("tenant-a", SecretField.GatewayApiKey))),
        });
        await SeedMixedTenantAsync("tenant-b");

        var report = await Sweeper().ReprotectAllAsync(new CredentialStoreReprotectOptions { PageSize = 1 });

        Assert.Equal(["tenant-a", "tenant-c"], report.TenantsWithFailures);
    }

    [Fact]
    public async Task Each_value_that_fails_to_open_is_logged_with_its_tenant_slot_and_reason()
    {
        var unknownKey = _gone.Protect(ApiKey, new SecretContext("tenant-a", SecretField.GatewayApiKey));
        await WriteAsync(new TenantRecord
        {
            TenantId = "tenant-a",
            OrganizationApiKey = Key(_gone.Protect(ApiKey, new SecretContext("tenant-a", SecretField.OrganizationApiKey))),
            GatewayApiKey = Key(unknownKey),
        });

        await Sweeper().ReprotectAllAsync();

        string[] expected =
        [
            "The GatewayApiKey of tenant tenant-a could not be opened (UnknownKey); left untouched (dry run: False)",
            "The OrganizationApiKey of tenant tenant-a could not be opened (UnknownKey); left untouched (dry run: False)",
        ];
        var logged = _logger.Collector.GetSnapshot().Where(r => r.Id.Id == 4205).Select(r => r.Message);
        Assert.Equal(expected, logged.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_dry_run_asked_for_through_the_public_parameter_writes_nothing()
    {
        var seeded = await SeedMixedTenantAsync("tenant-a");

        var report = await Sweeper().ReprotectAllAsync(dryRun: true);

        Assert.True(report.DryRun);
        Assert.Equal(3, report.ValuesReprotected);
        Assert.Equal(1, report.TenantsUpdated);
        Assert.Equal(seeded, await _store.GetAsync("tenant-a"));
    }

    [Fact]
    public async Task A_tenant_with_a_live_lease_is_left_alone_and_one_with_an_expired_lease_is_swept()
    {
        var context = new SecretContext("leased", SecretField.OrganizationApiKey);
        var leased = await WriteAsync(new TenantRecord { TenantId = "leased", Lease = new TenantLease("run-1", Now, Now.AddMinutes(1)), OrganizationApiKey = Key(_old.Protect(ApiKey, context)) });
        await WriteAsync(new TenantRecord
        {
            TenantId = "stale",
            Lease = new TenantLease("run-0", Now.AddMinutes(-3), Now.AddMinutes(-1)),
            OrganizationApiKey = Key(_old.Protect(ApiKey, new SecretContext("stale", SecretField.OrganizationApiKey))),
        });

        var report = await Sweeper().ReprotectAllAsync();

        Assert.Equal(["leased"], report.TenantsSkippedLeased);
        Assert.Equal(1, report.TenantsUpdated);
        Assert.Equal(leased, await _store.GetAsync("leased"));
        AssertCurrent((await _store.GetAsync("stale"))!.OrganizationApiKey?.Sealed, "stale", SecretField.OrganizationApiKey, ApiKey);
    }

    [Fact]
    public async Task Nothing_secret_is_logged_or_reported()
    {
        var seeded = await SeedMixedTenantAsync("tenant-a");

        var report = await Sweeper().ReprotectAllAsync();

        var after = (await _store.GetAsync("tenant-a"))!;
        string[] secrets =
        [
            ApiKey, OtherApiKey, WebhookSecret, seeded.OrganizationApiKey?.Sealed!, seeded.WebhookSecret.Sealed!,
            after.OrganizationApiKey?.Sealed!, after.WebhookSecret.Sealed!, after.WebhookSecret.PendingSealed!,
        ];
        var texts = _logger.Collector.GetSnapshot().Select(r => r.Message).Append(report.ToString()).ToList();
        Assert.NotEmpty(texts);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_dry_run_counts_every_legacy_value_as_left()
    {
        await SeedMixedTenantAsync("tenant-a");

        var report = await Sweeper().ReprotectAllAsync(dryRun: true);

        Assert.Equal(1, report.LegacyValuesLeft);
        Assert.Contains("1 legacy values left", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_sweep_only_the_legacy_values_that_failed_to_open_are_left()
    {
        await SeedMixedTenantAsync("tenant-a");
        var implausible = LegacySecretFormats.Encode("NNSXS.tooshort", LegacySalt, LegacyFormat.Base64);
        await WriteAsync(new TenantRecord { TenantId = "tenant-b", OrganizationApiKey = Key(implausible) });

        var report = await Sweeper().ReprotectAllAsync();

        Assert.Equal(1, report.LegacyValuesLeft);
        Assert.Equal(1, report.CountFailed(TenantSecretSlot.OrganizationApiKey, SafeDecryptFailureReason.LegacyValueImplausible));
        Assert.Equal(implausible, (await _store.GetAsync("tenant-b"))!.OrganizationApiKey!.Sealed);
        Assert.Contains(
            _logger.Collector.GetSnapshot(), r => r.Id.Id == 4206 && r.Message.Contains("1 legacy values left", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Once_the_window_has_ended_legacy_values_are_left_untouched_and_counted()
    {
        var seeded = await SeedMixedTenantAsync("tenant-a");
        _time.Advance(TimeSpan.FromDays(30));

        var report = await Sweeper().ReprotectAllAsync();

        Assert.Equal(1, report.LegacyValuesLeft);
        Assert.Equal(1, report.CountFailed(TenantSecretSlot.WebhookSecret, SafeDecryptFailureReason.LegacyFormatNotAllowed));
        Assert.Equal(seeded.WebhookSecret.Sealed, (await _store.GetAsync("tenant-a"))!.WebhookSecret.Sealed);
    }

    [Fact]
    public async Task Options_are_checked()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Sweeper().ReprotectAllAsync(new CredentialStoreReprotectOptions { PageSize = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Sweeper().ReprotectAllAsync(new CredentialStoreReprotectOptions { MaxConflictRetries = -1 }));
    }

    private CredentialStoreReprotector Sweeper() => new(_store, _current, _time, _logger);

    private async Task<TenantRecord> WriteAsync(TenantRecord record) => (await _store.TryWriteAsync(record))!;

    /// <summary>Organization key under an old key, application key current, webhook secret legacy b64, pending under an old key, no gateway key.</summary>
    private Task<TenantRecord> SeedMixedTenantAsync(string tenantId) => WriteAsync(new TenantRecord
    {
        TenantId = tenantId,
        OrganizationId = "org-1",
        OrganizationApiKey = Key(_old.Protect(ApiKey, new SecretContext(tenantId, SecretField.OrganizationApiKey))),
        ApplicationApiKey = Key(_current.Protect(OtherApiKey, new SecretContext(tenantId, SecretField.ApplicationApiKey))),
        WebhookSecret = new WebhookSecretSet(
            sealedSecret: LegacySecretFormats.Encode(WebhookSecret, LegacySalt, LegacyFormat.Base64),
            lastFour: null,
            pendingSealed: _old.Protect(WebhookSecret + "-next", new SecretContext(tenantId, SecretField.WebhookSecret)),
            previousSealed: null,
            previousValidUntil: null),
    });

    private static StoredApiKey Key(string sealedKey) => new(sealedKey: sealedKey, lastFour: sealedKey[^4..], keyId: null);

    private void AssertCurrent(string? token, string tenantId, SecretField field, string expected)
    {
        Assert.StartsWith("ttn1.new.", token, StringComparison.Ordinal);
        var opened = _current.Unprotect(token, new SecretContext(tenantId, field));
        Assert.Equal(expected, opened.Value);
        Assert.False(opened.RequiresReprotect);
    }

    /// <summary>Before each of the sweep's first <c>times</c> writes, another writer changes the tenant.</summary>
    private sealed class InterferingStore(ICredentialStore inner, int times) : ICredentialStore
    {
        private int _interferences;

        public Task<TenantRecord?> GetAsync(string tenantId, CancellationToken cancellationToken = default) => inner.GetAsync(tenantId, cancellationToken);

        public async Task<TenantRecord?> TryWriteAsync(TenantRecord record, CancellationToken cancellationToken = default)
        {
            if (_interferences < times)
            {
                _interferences++;
                var current = (await inner.GetAsync(record.TenantId, cancellationToken))!;
                Assert.NotNull(await inner.TryWriteAsync(current with { OrganizationId = "changed-by-other-writer-" + _interferences }, cancellationToken));
            }

            return await inner.TryWriteAsync(record, cancellationToken);
        }

        public Task<IReadOnlyList<TenantRecord>> ListAsync(string? afterTenantId, int limit, CancellationToken cancellationToken = default) =>
            inner.ListAsync(afterTenantId, limit, cancellationToken);

        public Task<bool> DeleteAsync(string tenantId, long expectedVersion, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(tenantId, expectedVersion, cancellationToken);

        public Task AppendHistoryAsync(TenantHistoryEntry entry, int maxEntries, CancellationToken cancellationToken = default) =>
            inner.AppendHistoryAsync(entry, maxEntries, cancellationToken);

        public Task<TenantHistoryPage> GetHistoryAsync(string tenantId, int limit, string? pageToken, CancellationToken cancellationToken = default) =>
            inner.GetHistoryAsync(tenantId, limit, pageToken, cancellationToken);
    }
}
