using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Replaces the tenant's organization key with no moment without a working key: the new key is created and stored
/// first, then every other key of the library's with that name is revoked (the one replaced, and any an interrupted
/// rotation left). Keys minted outside the library are not touched.
/// </summary>
internal sealed class RotateOrganizationKeyOperation : TenantOperation<OrganizationKeyRotationResult>
{
    private readonly OperationServices _services;

    public RotateOrganizationKeyOperation(OperationServices services)
    {
        _services = services;
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.RotateOrganizationKey;

    public override bool NeedsAdminKey => true;

    public override bool WouldCreateResources(TenantRecord record) => true;

    public override Admission Admit(string tenantId, TenantRecord? current, DateTimeOffset now) =>
        current is { OrganizationId: not null, IsExistingApplication: false }
            && current.Checkpoints.HasFlag(ProvisioningStep.OrganizationApiKey)
            ? Admission.Lease(current)
            : Admission.Refuse(ProvisioningOutcome.NotConfigured);

    public override async Task<OrganizationKeyRotationResult> ExecuteAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var client = _services.Client;
        var run = context.LeasedRun;
        var organizationId = run.Record.OrganizationId!;
        var name = _services.Conventions.KeyName(ProvisioningStep.OrganizationApiKey);
        var admin = context.AdminKey;
        var created = await context.CallAsync(
            "Creating the new organization API key",
            () => client.CreateOrganizationApiKeyAsync(
                admin, organizationId, name, [.. _services.Options.OrganizationApiKeyRights], null, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (!created.Succeeded || string.IsNullOrEmpty(created.Value.Key))
        {
            var failure = created.Failure ?? TtsFailure.Refusal(
                "The Things Stack created the API key but returned no secret.", isTransient: true);
            return await FailAsync(context, failure, cancellationToken).ConfigureAwait(false);
        }

        var key = _services.Vault.SealApiKey(context.TenantId, SecretField.OrganizationApiKey, created.Value.Key, created.Value.Id);
        await run.SaveAsync(r => TenantTransitions.StoreApiKey(r, ProvisioningStep.OrganizationApiKey, key, run.Now), cancellationToken)
            .ConfigureAwait(false);

        var listed = await context.ListAsync(
            "Listing organization API keys",
            () => client.ListOrganizationApiKeysAsync(admin, organizationId, cancellationToken),
            cancellationToken)
            .ConfigureAwait(false);
        if (!listed.Succeeded)
        {
            return await FailAsync(context, KeptOldKey(listed.Failure), cancellationToken).ConfigureAwait(false);
        }

        var revoked = new List<string>();
        foreach (var old in listed.Value.Where(k => k.Name == name && k.Id is not null && k.Id != key.KeyId))
        {
            var failure = await context.CallAsync(
                "Revoking the replaced organization API key",
                () => client.DeleteOrganizationApiKeyAsync(admin, organizationId, old.Id!, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            if (failure is { IsNotFound: false })
            {
                return await FailAsync(context, KeptOldKey(failure), cancellationToken, revoked).ConfigureAwait(false);
            }

            revoked.Add(old.Id!);
        }

        await run.ReleaseAsync(r => r, CancellationToken.None).ConfigureAwait(false);
        return Result(context, ProvisioningOutcome.Succeeded, revoked);
    }

    /// <summary>An interrupted rotation keeps the tenant's state; whatever key is stored is the one in force.</summary>
    public override TenantRecord AfterInterruption(TenantRecord record, TenantError error) => TenantTransitions.RecordError(record, error);

    protected override OrganizationKeyRotationResult CreateResult(TenantRecord? record) => new();

    private static TtsFailure KeptOldKey(TtsFailure failure) =>
        failure.WithHint("The new organization key is in force; an older one may still be live: rotate again to revoke it.");

    private async Task<OrganizationKeyRotationResult> FailAsync(
        OperationContext context, TtsFailure failure, CancellationToken cancellationToken, IReadOnlyList<string>? revoked = null)
    {
        var error = failure.ToError(null, context.Now);
        await context.LeasedRun.ReleaseAsync(r => TenantTransitions.RecordError(r, error), CancellationToken.None).ConfigureAwait(false);
        return Result(context, ProvisioningOutcome.Failed, revoked ?? [], error);
    }

    private static OrganizationKeyRotationResult Result(
        OperationContext context, ProvisioningOutcome outcome, IReadOnlyList<string> revoked, TenantError? error = null) => new()
        {
            Outcome = outcome,
            KeyLastFour = context.LeasedRun.Record.OrganizationApiKey?.LastFour,
            KeyId = context.LeasedRun.Record.OrganizationApiKey?.KeyId,
            RevokedKeyIds = revoked,
            Error = error,
        };
}
