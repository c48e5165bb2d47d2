using Microsoft.Extensions.Time.Testing;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tests.Provisioning;
using Ttn.Provisioning.Tests.Secrets;
using Ttn.Provisioning.Webhooks;

namespace Ttn.Provisioning.Tests.Webhooks;

/// <summary>
/// Webhook verifiers over one shared store (one per "host"), on fake time, with tenants whose records hold sealed webhook
/// secrets written straight to the store (the way another host's provisioning service would leave them).
/// </summary>
internal sealed class VerifierFixture : IDisposable
{
    public VerifierFixture(Action<TtnProvisioningOptions>? configure = null)
    {
        configure?.Invoke(Options);
        Store = new CrashingStore(new InMemoryCredentialStore());
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public TtnProvisioningOptions Options { get; } = new();

    public AesGcmSecretProtector Protector { get; } = SecretTestData.Protector();

    /// <summary>The shared store; counts reads.</summary>
    public CrashingStore Store { get; }

    /// <summary>A verifier for one more host over the shared store.</summary>
    public WebhookVerifier NewHost(ICredentialStore? store = null) =>
        new(store ?? Store, Protector, Microsoft.Extensions.Options.Options.Create(Options), Time);

    /// <summary>Writes the tenant's record with these secrets (sealed), as a provisioning service would.</summary>
    public async Task<TenantRecord> SetSecretsAsync(
        string tenantId, string? current, string? pending = null, string? previous = null, DateTimeOffset? previousValidUntil = null,
        string applicationId = "tp-app-acme")
    {
        var stored = await Store.GetAsync(tenantId);
        var record = (stored ?? new TenantRecord { TenantId = tenantId }) with
        {
            ApplicationId = applicationId,
            WebhookSecret = new WebhookSecretSet(
                sealedSecret: Seal(tenantId, current),
                lastFour: null,
                pendingSealed: Seal(tenantId, pending),
                previousSealed: Seal(tenantId, previous),
                previousValidUntil: previousValidUntil),
        };
        return await Store.TryWriteAsync(record) ?? throw new InvalidOperationException("The write lost a race.");
    }

    /// <summary>Writes the record again with one unrelated change (what a lease renewal or a step's checkpoint does).</summary>
    public async Task TouchAsync(string tenantId)
    {
        var record = await Store.GetAsync(tenantId) ?? throw new InvalidOperationException("No record.");
        _ = await Store.TryWriteAsync(record with { AttemptCount = record.AttemptCount + 1 });
    }

    public async Task<WebhookVerificationOutcome> VerifyAsync(WebhookVerifier verifier, string? tenantId, string? secret) =>
        (await verifier.VerifyAsync(tenantId, secret, CancellationToken.None)).Outcome;

    private string? Seal(string tenantId, string? secret) =>
        secret is null ? null : Protector.Protect(secret, new SecretContext(tenantId, SecretField.WebhookSecret));

    public void Dispose() => Protector.Dispose();
}
