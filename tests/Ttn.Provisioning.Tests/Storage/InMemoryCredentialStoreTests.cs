using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Tests.Storage;

public sealed class InMemoryCredentialStoreTests
{
    private readonly InMemoryCredentialStore _store = new();

    [Fact]
    public async Task First_write_of_a_new_tenant_stores_version_one()
    {
        var written = await _store.TryWriteAsync(new TenantRecord { TenantId = "t1" });

        Assert.NotNull(written);
        Assert.Equal(1, written.Version);
        Assert.Equal(written, await _store.GetAsync("t1"));
    }

    [Fact]
    public async Task Write_with_a_stale_version_is_refused_and_changes_nothing()
    {
        var v1 = (await _store.TryWriteAsync(new TenantRecord { TenantId = "t1" }))!;
        var v2 = (await _store.TryWriteAsync(v1 with { ApplicationId = "app-one" }))!;

        var stale = await _store.TryWriteAsync(v1 with { ApplicationId = "app-two" });

        Assert.Null(stale);
        Assert.Equal("app-one", (await _store.GetAsync("t1"))!.ApplicationId);
        Assert.Equal(2, v2.Version);
    }

    [Fact]
    public async Task Second_create_of_the_same_tenant_is_refused()
    {
        await _store.TryWriteAsync(new TenantRecord { TenantId = "t1" });

        Assert.Null(await _store.TryWriteAsync(new TenantRecord { TenantId = "t1" }));
    }

    [Fact]
    public async Task Exactly_one_of_many_concurrent_writers_wins()
    {
        var v1 = (await _store.TryWriteAsync(new TenantRecord { TenantId = "t1" }))!;

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => _store.TryWriteAsync(v1 with { TtsUserId = $"run-{i}" }))));

        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task Listing_pages_in_ordinal_order()
    {
        foreach (var id in new[] { "b", "a", "B", "c" })
        {
            await _store.TryWriteAsync(new TenantRecord { TenantId = id });
        }

        var first = await _store.ListAsync(null, 2);
        var second = await _store.ListAsync(first[^1].TenantId, 2);

        Assert.Equal(["B", "a"], first.Select(r => r.TenantId));
        Assert.Equal(["b", "c"], second.Select(r => r.TenantId));
    }

    [Fact]
    public async Task Delete_needs_the_current_version()
    {
        var v1 = (await _store.TryWriteAsync(new TenantRecord { TenantId = "t1" }))!;

        Assert.False(await _store.DeleteAsync("t1", 7));
        Assert.True(await _store.DeleteAsync("t1", v1.Version));
        Assert.Null(await _store.GetAsync("t1"));
    }

    [Fact]
    public void Record_prints_no_sealed_secret()
    {
        var record = new TenantRecord
        {
            TenantId = "t1",
            ApplicationApiKey = new StoredApiKey(sealedKey: "ttn1.k1.SEALEDTOKEN", lastFour: "OKEN", keyId: "KEYID"),
            WebhookSecret = new WebhookSecretSet(
                sealedSecret: "ttn1.k1.WEBHOOKTOKEN",
                lastFour: null,
                pendingSealed: null,
                previousSealed: null,
                previousValidUntil: null),
        };

        Assert.DoesNotContain("SEALEDTOKEN", record.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("WEBHOOKTOKEN", record.ToString(), StringComparison.Ordinal);
    }
}
