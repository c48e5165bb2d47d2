using Microsoft.Extensions.Time.Testing;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using static Ttn.Provisioning.Tests.Secrets.SecretTestData;

namespace Ttn.Provisioning.Tests.Storage;

/// <summary>The sweep with a host's own <see cref="ISecretProtector"/>, which implements only Protect and Unprotect.</summary>
public sealed class CredentialStoreReprotectorHostProtectorTests : IDisposable
{
    private readonly AesGcmSecretProtector _inner = Protector();
    private readonly InMemoryCredentialStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 3, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _inner.Dispose();

    [Fact]
    public async Task Values_a_hosts_protector_says_require_reprotect_are_sealed_again_and_written_back()
    {
        var version1 = new VersionedHostProtector(_inner, version: 1);
        var version2 = new VersionedHostProtector(_inner, version: 2);
        var application = version2.Protect(ApiKey, Context(SecretField.ApplicationApiKey));
        await _store.TryWriteAsync(new TenantRecord
        {
            TenantId = "tenant-a",
            OrganizationApiKey = Key(version1.Protect(ApiKey, Context(SecretField.OrganizationApiKey))),
            ApplicationApiKey = Key(application),
            WebhookSecret = new WebhookSecretSet(
                sealedSecret: version1.Protect(WebhookSecret, Context(SecretField.WebhookSecret)),
                lastFour: null,
                pendingSealed: null,
                previousSealed: null,
                previousValidUntil: null),
        });

        var report = await new CredentialStoreReprotector(_store, version2, _time).ReprotectAllAsync();

        Assert.Equal(1, report.TenantsUpdated);
        Assert.Equal(2, report.ValuesReprotected);
        Assert.Equal(1, report.Count(TenantSecretSlot.ApplicationApiKey, ReprotectOutcome.AlreadyCurrent));
        Assert.Equal(0, report.LegacyValuesLeft);
        var after = (await _store.GetAsync("tenant-a"))!;
        Assert.Equal(application, after.ApplicationApiKey?.Sealed);
        AssertVersion2(after.OrganizationApiKey?.Sealed, SecretField.OrganizationApiKey, ApiKey);
        AssertVersion2(after.WebhookSecret.Sealed, SecretField.WebhookSecret, WebhookSecret);
    }

    [Fact]
    public async Task A_value_a_hosts_protector_cannot_open_is_reported_with_its_reason_and_left_untouched()
    {
        var version9 = new VersionedHostProtector(_inner, version: 9).Protect(ApiKey, Context(SecretField.OrganizationApiKey));
        await _store.TryWriteAsync(new TenantRecord { TenantId = "tenant-a", OrganizationApiKey = Key(version9) });

        var report = await new CredentialStoreReprotector(_store, new VersionedHostProtector(_inner, version: 2), _time)
            .ReprotectAllAsync();

        Assert.Equal(1, report.CountFailed(TenantSecretSlot.OrganizationApiKey, SafeDecryptFailureReason.UnknownKey));
        Assert.Equal(0, report.LegacyValuesLeft);
        Assert.Equal(0, report.TenantsUpdated);
        Assert.Equal(version9, (await _store.GetAsync("tenant-a"))!.OrganizationApiKey?.Sealed);
    }

    private static SecretContext Context(SecretField field) => new("tenant-a", field);

    private static StoredApiKey Key(string sealedKey) => new(sealedKey, sealedKey[^4..], null);

    private void AssertVersion2(string? token, SecretField field, string expected)
    {
        Assert.StartsWith("host.v2.", token, StringComparison.Ordinal);
        var opened = new VersionedHostProtector(_inner, version: 2).Unprotect(token, Context(field));
        Assert.Equal(expected, opened.Value);
        Assert.False(opened.RequiresReprotect);
    }

    /// <summary>
    /// A host's protector with its own token format, <c>host.v&lt;version&gt;.&lt;inner token&gt;</c>: it opens versions up to
    /// its own, and says a value of an older version requires re-protection.
    /// </summary>
    private sealed class VersionedHostProtector(ISecretProtector inner, int version) : ISecretProtector
    {
        public string Protect(string plaintext, SecretContext context) => $"host.v{version}.{inner.Protect(plaintext, context)}";

        public SafeDecrypt Unprotect(string? token, SecretContext context)
        {
            if (string.IsNullOrEmpty(token))
            {
                return SafeDecrypt.Empty;
            }

            var parts = token.Split('.', 3);
            if (parts is not ["host", var tag, var sealedToken] || !int.TryParse(tag.AsSpan(1), out var found) || tag[0] != 'v')
            {
                return SafeDecrypt.Failed(SafeDecryptFailureReason.UnsupportedFormat);
            }

            if (found > version)
            {
                return SafeDecrypt.Failed(SafeDecryptFailureReason.UnknownKey);
            }

            var opened = inner.Unprotect(sealedToken, context);
            return opened.TryGetValue(out var value) ? SafeDecrypt.Decrypted(value, requiresReprotect: found < version) : opened;
        }
    }
}
