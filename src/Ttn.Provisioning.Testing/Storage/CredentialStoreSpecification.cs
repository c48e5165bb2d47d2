using System.Reflection;
using Ttn.Provisioning.Storage;
using Xunit;

namespace Ttn.Provisioning.Testing.Storage;

/// <summary>
/// The specification every <see cref="ICredentialStore"/> must meet. Derive a test class from it in your test project,
/// implement <see cref="CreateStoreAsync"/>, and xunit runs every fact below against your store.
/// </summary>
/// <remarks>
/// The library's safety across threads and host instances rests on these properties: compare-and-swap writes where
/// exactly one of many concurrent writers wins, exact round trips of every field, and complete ordinal paging.
/// Instants are compared as instants: a store may normalise the offset (to UTC, say) but must keep the tick.
/// To skip the facts where the store is unavailable (a database server not configured), put a
/// <see cref="StoreAvailabilityAttribute"/> subclass on the derived class.
/// </remarks>
public abstract class CredentialStoreSpecification
{
    private static readonly DateTimeOffset BaseTime = new(2026, 11, 3, 9, 15, 30, 123, TimeSpan.FromHours(2));

    /// <summary>How many writers race in the concurrency facts.</summary>
    protected virtual int ConcurrentWriters => 16;

    /// <summary>Creates a fresh, empty store. Called once per fact (xunit creates a new instance of the class for each).</summary>
    /// <returns>The store to test.</returns>
    protected abstract Task<ICredentialStore> CreateStoreAsync();

    /// <summary>A tenant that was never written reads as null.</summary>
    [StoreFact]
    public async Task GetReturnsNullForAnUnknownTenant()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        Assert.Null(await store.GetAsync("never-written").ConfigureAwait(false));
    }

    /// <summary>Every property of the record, each with a distinct non-default value, reads back as written.</summary>
    [StoreFact]
    public async Task RoundTripsEveryField()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var record = FullRecord("round-trip");
        AssertEveryPropertyIsSet(record);

        var written = await store.TryWriteAsync(record).ConfigureAwait(false);
        Assert.NotNull(written);
        Assert.Equal(1, written.Version);
        AssertSameRecord(record with { Version = 1 }, written);

        var read = await store.GetAsync(record.TenantId).ConfigureAwait(false);
        Assert.NotNull(read);
        AssertSameRecord(record with { Version = 1 }, read);

        // An update that clears the optional fields stores the nulls.
        var cleared = new TenantRecord
        {
            TenantId = record.TenantId,
            Version = 1,
            CreatedAt = record.CreatedAt,
            UpdatedAt = record.UpdatedAt.AddMinutes(1),
        };
        Assert.NotNull(await store.TryWriteAsync(cleared).ConfigureAwait(false));
        AssertSameRecord(cleared with { Version = 2 }, (await store.GetAsync(record.TenantId).ConfigureAwait(false))!);
    }

    /// <summary>Every state, step and checkpoint combination is stored as written.</summary>
    [StoreFact]
    public async Task RoundTripsEveryStateAndStep()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var record = new TenantRecord { TenantId = "states", CreatedAt = BaseTime, UpdatedAt = BaseTime };
        foreach (var state in Enum.GetValues<ProvisioningState>())
        {
            foreach (var step in Enum.GetValues<ProvisioningStep>())
            {
                var next = record with
                {
                    State = state,
                    CurrentStep = step,
                    Checkpoints = step == ProvisioningStep.None ? ProvisioningStep.None : (ProvisioningStep)((int)step - 1),
                    LastError = new TenantError(step, "failed at " + step, null, null, null, null, BaseTime),
                };
                var written = await store.TryWriteAsync(next).ConfigureAwait(false);
                Assert.NotNull(written);
                var read = await store.GetAsync(record.TenantId).ConfigureAwait(false);
                AssertSameRecord(next with { Version = next.Version + 1 }, read!);
                record = read!;
            }
        }
    }

    /// <summary>A write returns the record as stored, with the next version; a read then returns the same.</summary>
    [StoreFact]
    public async Task WriteReturnsTheStoredRecordWithTheNextVersion()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var first = await store.TryWriteAsync(MinimalRecord("versions")).ConfigureAwait(false);
        Assert.NotNull(first);
        Assert.Equal(1, first.Version);

        var second = await store.TryWriteAsync(first with { AttemptCount = 1 }).ConfigureAwait(false);
        Assert.NotNull(second);
        Assert.Equal(2, second.Version);
        Assert.Equal(1, second.AttemptCount);
        AssertSameRecord(second, (await store.GetAsync("versions").ConfigureAwait(false))!);
    }

    /// <summary>Creating (version 0) a tenant that exists fails and leaves the stored record as it was.</summary>
    [StoreFact]
    public async Task CreateConflictsWhenTheTenantExists()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var first = await store.TryWriteAsync(MinimalRecord("create-twice") with { TtsUserId = "first" }).ConfigureAwait(false);
        Assert.NotNull(first);

        Assert.Null(await store.TryWriteAsync(MinimalRecord("create-twice") with { TtsUserId = "second" }).ConfigureAwait(false));

        var stored = await store.GetAsync("create-twice").ConfigureAwait(false);
        Assert.Equal("first", stored!.TtsUserId);
        Assert.Equal(1, stored.Version);
    }

    /// <summary>A write carrying a version that is no longer stored fails and changes nothing.</summary>
    [StoreFact]
    public async Task CompareAndSwapConflictsOnAStaleVersion()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var v1 = (await store.TryWriteAsync(MinimalRecord("cas")).ConfigureAwait(false))!;
        var v2 = await store.TryWriteAsync(v1 with { OrganizationId = "org-a" }).ConfigureAwait(false);
        Assert.NotNull(v2);

        Assert.Null(await store.TryWriteAsync(v1 with { OrganizationId = "org-b" }).ConfigureAwait(false));

        var stored = await store.GetAsync("cas").ConfigureAwait(false);
        Assert.Equal(2, stored!.Version);
        Assert.Equal("org-a", stored.OrganizationId);
    }

    /// <summary>An update (version above 0) of a tenant that does not exist fails and creates nothing.</summary>
    [StoreFact]
    public async Task UpdateOfAMissingTenantFails()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        Assert.Null(await store.TryWriteAsync(MinimalRecord("missing") with { Version = 3 }).ConfigureAwait(false));
        Assert.Null(await store.GetAsync("missing").ConfigureAwait(false));
    }

    /// <summary>
    /// Lease takeover: a holder's heartbeat moves the version on, so a taker holding the old version fails; after reading
    /// the current version it takes the lease over, and the old holder's next heartbeat fails.
    /// </summary>
    [StoreFact]
    public async Task LeaseTakeoverNeedsTheCurrentVersion()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var leased = (await store.TryWriteAsync(MinimalRecord("lease") with
        {
            State = ProvisioningState.Provisioning,
            Lease = new TenantLease("run-a", BaseTime, BaseTime.AddMinutes(2)),
        }).ConfigureAwait(false))!;

        // The taker read the record before the holder's heartbeat.
        var takersView = (await store.GetAsync("lease").ConfigureAwait(false))!;
        var heartbeat = (await store.TryWriteAsync(
            leased with { Lease = new TenantLease("run-a", BaseTime.AddMinutes(1), BaseTime.AddMinutes(3)) }).ConfigureAwait(false))!;
        Assert.NotNull(heartbeat);

        var takeover = takersView with { Lease = new TenantLease("run-b", BaseTime.AddMinutes(5), BaseTime.AddMinutes(7)) };
        Assert.Null(await store.TryWriteAsync(takeover).ConfigureAwait(false));

        var current = (await store.GetAsync("lease").ConfigureAwait(false))!;
        Assert.Equal("run-a", current.Lease?.Holder);
        var taken = await store.TryWriteAsync(
            current with { Lease = new TenantLease("run-b", BaseTime.AddMinutes(5), BaseTime.AddMinutes(7)) }).ConfigureAwait(false);
        Assert.NotNull(taken);

        Assert.Null(
            await store.TryWriteAsync(
                heartbeat with { Lease = new TenantLease("run-a", BaseTime.AddMinutes(6), BaseTime.AddMinutes(8)) }).ConfigureAwait(false));
        var final = (await store.GetAsync("lease").ConfigureAwait(false))!;
        Assert.Equal("run-b", final.Lease?.Holder);
        Assert.Equal(BaseTime.AddMinutes(7), final.Lease?.ExpiresAt);
    }

    /// <summary>Listing pages through every tenant exactly once, in ordinal order (mixed case and non-ASCII ids).</summary>
    [StoreFact]
    public async Task ListPagesInOrdinalOrder()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        string[] ids =
        [
            "alpha", "Alpha", "ALPHA", "aLpha", "beta", "Beta", "b-1", "b_1", "b.1", "a9", "a10", "A10", "0001", "1",
            "tenant-9", "tenant-10", "Zürich", "zurich", "Zurich", "é-tenant", "e-tenant", "ñandú", "日本-tenant", "Ελλάδα",
            "z", "Z", "~tilde",
        ];
        foreach (var id in ids)
        {
            Assert.NotNull(await store.TryWriteAsync(MinimalRecord(id)).ConfigureAwait(false));
        }

        var expected = ids.OrderBy(id => id, StringComparer.Ordinal).ToList();
        foreach (var pageSize in new[] { 1, 4, 7, ids.Length, ids.Length + 5 })
        {
            var seen = await ListAllAsync(store, pageSize).ConfigureAwait(false);
            Assert.Equal(expected, seen);
        }

        var afterLast = await store.ListAsync(expected[^1], 10).ConfigureAwait(false);
        Assert.Empty(afterLast);

        var afterMissing = await store.ListAsync("b", 3).ConfigureAwait(false);
        Assert.Equal(expected.Where(id => string.CompareOrdinal(id, "b") > 0).Take(3), afterMissing.Select(r => r.TenantId));
    }

    /// <summary>Listing an empty store returns nothing; a limit below 1 is rejected.</summary>
    [StoreFact]
    public async Task ListOfAnEmptyStoreIsEmptyAndTheLimitIsChecked()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        Assert.Empty(await store.ListAsync(null, 10).ConfigureAwait(false));
        await Assert.ThrowsAnyAsync<ArgumentOutOfRangeException>(() => store.ListAsync(null, 0)).ConfigureAwait(false);
    }

    /// <summary>
    /// Ids with characters beyond the Basic Multilingual Plane are each visited exactly once. (Their order relative to
    /// U+E000–U+FFFF may follow code points rather than UTF-16, as byte-ordered databases do.)
    /// </summary>
    [StoreFact]
    public async Task ListVisitsSupplementaryCharacterIdsExactlyOnce()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        string[] ids = ["tenant-\U0001F600", "tenant-\uFF21", "tenant-\uE000", "tenant-a", "\U00020000"];
        foreach (var id in ids)
        {
            Assert.NotNull(await store.TryWriteAsync(MinimalRecord(id)).ConfigureAwait(false));
        }

        var seen = await ListAllAsync(store, 2).ConfigureAwait(false);
        Assert.Equal(ids.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    /// <summary>Deletion succeeds only at the stored version; afterwards the tenant can be created again.</summary>
    [StoreFact]
    public async Task DeleteNeedsTheStoredVersion()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var v1 = (await store.TryWriteAsync(MinimalRecord("delete-me")).ConfigureAwait(false))!;
        var v2 = (await store.TryWriteAsync(v1 with { AttemptCount = 2 }).ConfigureAwait(false))!;

        Assert.False(await store.DeleteAsync("delete-me", v1.Version).ConfigureAwait(false));
        Assert.NotNull(await store.GetAsync("delete-me").ConfigureAwait(false));
        Assert.False(await store.DeleteAsync("not-there", 1).ConfigureAwait(false));

        Assert.True(await store.DeleteAsync("delete-me", v2.Version).ConfigureAwait(false));
        Assert.Null(await store.GetAsync("delete-me").ConfigureAwait(false));
        Assert.False(await store.DeleteAsync("delete-me", v2.Version).ConfigureAwait(false));
        Assert.Null(await store.TryWriteAsync(v2).ConfigureAwait(false));

        var again = await store.TryWriteAsync(MinimalRecord("delete-me")).ConfigureAwait(false);
        Assert.NotNull(again);
        Assert.Equal(1, again.Version);
    }

    /// <summary>Many writers updating from the same version at once: exactly one wins, and its write is the one stored.</summary>
    [StoreFact]
    public async Task ConcurrentWritersFromOneVersionHaveExactlyOneWinner()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var v1 = (await store.TryWriteAsync(MinimalRecord("race")).ConfigureAwait(false))!;

        var results = await RaceAsync(i => store.TryWriteAsync(v1 with { TtsUserId = "writer-" + i })).ConfigureAwait(false);

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(2, winner!.Version);
        var stored = (await store.GetAsync("race").ConfigureAwait(false))!;
        Assert.Equal(winner.TtsUserId, stored.TtsUserId);
        Assert.Equal(2, stored.Version);
    }

    /// <summary>Many writers creating the same tenant at once: exactly one wins.</summary>
    [StoreFact]
    public async Task ConcurrentCreatorsHaveExactlyOneWinner()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);

        var results = await RaceAsync(i =>
            store.TryWriteAsync(MinimalRecord("create-race") with { TtsUserId = "creator-" + i })).ConfigureAwait(false);

        var winner = Assert.Single(results, r => r is not null);
        var stored = (await store.GetAsync("create-race").ConfigureAwait(false))!;
        Assert.Equal(winner!.TtsUserId, stored.TtsUserId);
        Assert.Equal(1, stored.Version);
    }

    /// <summary>Concurrent deleters at one version: exactly one deletes.</summary>
    [StoreFact]
    public async Task ConcurrentDeletersHaveExactlyOneWinner()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var v1 = (await store.TryWriteAsync(MinimalRecord("delete-race")).ConfigureAwait(false))!;

        var results = await RaceAsync(_ => store.DeleteAsync("delete-race", v1.Version)).ConfigureAwait(false);

        Assert.Single(results, r => r);
        Assert.Null(await store.GetAsync("delete-race").ConfigureAwait(false));
    }

    /// <summary>Long values (256-character ids, 4,000-character tokens) and non-ASCII text round-trip exactly.</summary>
    [StoreFact]
    public async Task RoundTripsLongAndNonAsciiValues()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var longId = string.Concat(Enumerable.Repeat("Ünïcødé-租户-", 30))[..256];
        var token = string.Concat(Enumerable.Repeat("ttn1.k2026.AbCdEf-_0123456789", 200))[..4000];
        var record = FullRecord(longId) with
        {
            OrganizationApiKey = new StoredApiKey(token, "ORG4", "ORGKEYID"),
            ApplicationApiKey = new StoredApiKey(token + "a", "APP4", "APPKEYID"),
            GatewayApiKey = new StoredApiKey(token + "g", "GTW4", "GTWKEYID"),
            WebhookSecret = new WebhookSecretSet
            {
                Sealed = token + "w",
                LastFour = "WHK4",
                PendingSealed = token + "p",
                PreviousSealed = token + "v",
                PreviousValidUntil = BaseTime.AddMinutes(15),
            },
            WebhookUrl = "https://hooks.example/租户/" + new string('x', 1500) + "?q=ü",
            LastError = new TenantError(
                ProvisioningStep.Webhook,
                "Fehler: Zugriff verweigert — 拒绝访问 \U0001F6AB " + new string('m', 2000),
                403,
                "pkg/ns",
                "no_rights",
                "corr-ü",
                BaseTime),
        };

        Assert.Equal(256, longId.Length);
        Assert.NotNull(await store.TryWriteAsync(record).ConfigureAwait(false));

        var read = await store.GetAsync(longId).ConfigureAwait(false);
        Assert.NotNull(read);
        AssertSameRecord(record with { Version = 1 }, read);
        Assert.Equal(longId, Assert.Single(await store.ListAsync(null, 10).ConfigureAwait(false)).TenantId);
    }

    /// <summary>Tenant ids are case-sensitive: ids that differ only in case are different tenants.</summary>
    [StoreFact]
    public async Task TenantIdsAreCaseSensitive()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        Assert.NotNull(await store.TryWriteAsync(MinimalRecord("Tenant") with { TtsUserId = "upper" }).ConfigureAwait(false));
        Assert.NotNull(await store.TryWriteAsync(MinimalRecord("tenant") with { TtsUserId = "lower" }).ConfigureAwait(false));
        Assert.Equal("upper", (await store.GetAsync("Tenant").ConfigureAwait(false))!.TtsUserId);
        Assert.Equal("lower", (await store.GetAsync("tenant").ConfigureAwait(false))!.TtsUserId);
        Assert.Null(await store.GetAsync("TENANT").ConfigureAwait(false));
    }

    /// <summary>A record with only the required values, for facts that do not care about the rest.</summary>
    /// <param name="tenantId">The tenant id.</param>
    protected static TenantRecord MinimalRecord(string tenantId) =>
        new() { TenantId = tenantId, CreatedAt = BaseTime, UpdatedAt = BaseTime };

    /// <summary>
    /// A record whose every property holds a distinct, non-default value (instants with non-zero offsets), for round trips.
    /// </summary>
    /// <param name="tenantId">The tenant id.</param>
    protected static TenantRecord FullRecord(string tenantId) => new()
    {
        TenantId = tenantId,
        Version = 0,
        State = ProvisioningState.Failed,
        CurrentStep = ProvisioningStep.ApplicationApiKey,
        Checkpoints = ProvisioningStep.Organization | ProvisioningStep.OrganizationApiKey | ProvisioningStep.Application,
        PendingSteps = ProvisioningStep.ApplicationApiKey | ProvisioningStep.GatewayApiKey,
        AttemptCount = 3,
        TtsUserId = "admin-user",
        OrganizationId = "org-tenant-1",
        OrganizationIdRotations = 2,
        ApplicationId = "app-tenant-1",
        IsExistingApplication = true,
        WebhookId = "ttn-provisioning",
        WebhookUrl = "https://hooks.example/tenants/1",
        OrganizationApiKey = new StoredApiKey("ttn1.k1.organization-sealed", "ORG4", "ORGKEYID"),
        ApplicationApiKey = new StoredApiKey("ttn1.k1.application-sealed", "APP4", "APPKEYID"),
        GatewayApiKey = new StoredApiKey("ttn1.k1.gateway-sealed", "GTW4", "GTWKEYID"),
        WebhookSecret = new WebhookSecretSet
        {
            Sealed = "ttn1.k1.webhook-sealed",
            LastFour = "WHK4",
            PendingSealed = "ttn1.k1.pending-sealed",
            PreviousSealed = "ttn1.k1.previous-sealed",
            PreviousValidUntil = new DateTimeOffset(2026, 11, 3, 12, 10, 0, TimeSpan.FromHours(2)).AddTicks(11),
        },
        CredentialsUpdatedAt = BaseTime.AddSeconds(1).AddTicks(1),
        LastError = new TenantError(
            ProvisioningStep.ApplicationApiKey,
            "forbidden",
            403,
            "pkg/auth/rights",
            "no_application_rights",
            "corr-1",
            new DateTimeOffset(2026, 11, 3, 7, 0, 0, TimeSpan.FromHours(-5)).AddTicks(7),
            isTransient: true),
        RequiresStartFresh = true,
        Lease = new TenantLease(
            "run-1", BaseTime.AddSeconds(2).AddTicks(3), new DateTimeOffset(2026, 11, 3, 18, 17, 30, TimeSpan.FromHours(9)).AddTicks(5)),
        CreatedAt = BaseTime.AddDays(-3),
        UpdatedAt = BaseTime.AddSeconds(3).AddTicks(9),
        StartedAt = new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.FromMinutes(330)),
        CompletedAt = BaseTime.AddDays(-2).AddMilliseconds(7),
    };

    /// <summary>
    /// Asserts that two records hold the same values: instants are compared as instants (the offset may be normalised
    /// by the store), the parts a record is made of (a stored key, the webhook secrets, the lease, the error) member by
    /// member, everything else exactly.
    /// </summary>
    /// <param name="expected">The expected record.</param>
    /// <param name="actual">The record the store returned.</param>
    protected static void AssertSameRecord(TenantRecord expected, TenantRecord actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        AssertSameValues(nameof(TenantRecord), typeof(TenantRecord), expected, actual);
    }

    private static void AssertSameValues(string path, Type type, object expected, object actual)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var e = property.GetValue(expected);
            var a = property.GetValue(actual);
            var name = $"{path}.{property.Name}";
            if (e is not null && a is not null && IsRecordPart(property.PropertyType))
            {
                AssertSameValues(name, property.PropertyType, e, a);
                continue;
            }

            // DateTimeOffset equality compares instants.
            Assert.True(Equals(e, a), $"{name}: expected {Describe(e)}, actual {Describe(a)}.");
        }
    }

    private static bool IsRecordPart(Type type) =>
        type == typeof(StoredApiKey) || type == typeof(WebhookSecretSet) || type == typeof(TenantLease) || type == typeof(TenantError);

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s when s.Length > 80 => $"\"{s[..80]}…\" ({s.Length} characters)",
        string s => $"\"{s}\"",
        DateTimeOffset d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static void AssertEveryPropertyIsSet(TenantRecord record)
    {
        foreach (var property in typeof(TenantRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name == nameof(TenantRecord.Version))
            {
                continue;
            }

            var value = property.GetValue(record);
            var defaultValue = property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null
                ? Activator.CreateInstance(property.PropertyType)
                : null;
            Assert.False(
                Equals(value, defaultValue),
                $"The round-trip record leaves {property.Name} at its default value: the specification must set every property.");
        }
    }

    private static async Task<List<string>> ListAllAsync(ICredentialStore store, int pageSize)
    {
        var seen = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await store.ListAsync(after, pageSize).ConfigureAwait(false);
            Assert.True(page.Count <= pageSize, $"A page of {page.Count} records exceeds the limit {pageSize}.");
            seen.AddRange(page.Select(r => r.TenantId));
            if (page.Count < pageSize)
            {
                return seen;
            }

            after = page[^1].TenantId;
            Assert.True(seen.Count <= 10_000, "Paging does not end.");
        }
    }

    private async Task<T[]> RaceAsync<T>(Func<int, Task<T>> write)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, ConcurrentWriters)
            .Select(i => Task.Run(async () =>
            {
                await start.Task.ConfigureAwait(false);
                return await write(i).ConfigureAwait(false);
            }))
            .ToArray();
        start.SetResult();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }
}
