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
public abstract partial class CredentialStoreSpecification
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
                    LastError = TenantError.Local(step, "failed at " + step, BaseTime),
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

    /// <summary>Long values (256-character ids, 4,000-character tokens) and non-ASCII text round-trip exactly.</summary>
    [StoreFact]
    public async Task RoundTripsLongAndNonAsciiValues()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var longId = string.Concat(Enumerable.Repeat("Ünïcødé-租户-", 30))[..256];
        var token = string.Concat(Enumerable.Repeat("ttn1.k2026.AbCdEf-_0123456789", 200))[..4000];
        var record = FullRecord(longId) with
        {
            OrganizationApiKey = new StoredApiKey(sealedKey: token, lastFour: "ORG4", keyId: "ORGKEYID"),
            ApplicationApiKey = new StoredApiKey(sealedKey: token + "a", lastFour: "APP4", keyId: "APPKEYID"),
            GatewayApiKey = new StoredApiKey(sealedKey: token + "g", lastFour: "GTW4", keyId: "GTWKEYID"),
            WebhookSecret = new WebhookSecretSet(
                sealedSecret: token + "w",
                lastFour: "WHK4",
                pendingSealed: token + "p",
                previousSealed: token + "v",
                previousValidUntil: BaseTime.AddMinutes(15)),
            WebhookUrl = "https://hooks.example/租户/" + new string('x', 1500) + "?q=ü",
            LastError = new TenantError(
                step: ProvisioningStep.Webhook,
                message: "Fehler: Zugriff verweigert — 拒绝访问 \U0001F6AB " + new string('m', 2000),
                httpStatus: 403,
                errorNamespace: "pkg/ns",
                errorName: "no_rights",
                correlationId: "corr-ü",
                occurredAt: BaseTime),
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

}
