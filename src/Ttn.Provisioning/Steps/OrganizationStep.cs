using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tenancy;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Steps;

/// <summary>
/// Creates the tenant's organization under the admin user, or adopts it when an earlier run of ours created it. An id
/// that belongs to someone else (or is reserved) is rotated to a collision-safe one, a bounded number of times; past
/// that only a start fresh can help.
/// </summary>
internal sealed class OrganizationStep : PipelineStep
{
    public override ProvisioningStep Step => ProvisioningStep.Organization;

    public override ProvisioningStep DependsOn => ProvisioningStep.Preflight;

    public override TenantRecord Prepare(TenantRecord record, StepContext context) =>
        TenantTransitions.BeginOrganization(
            record, record.OrganizationId ?? context.Services.Conventions.OrganizationIdFor(record.TenantId));

    public override async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var (client, conventions, _, options, logger) = context.Services;
        var tenantId = context.TenantId;
        var adminKey = context.Operation.AdminKey;
        var userId = context.AdminUserId ?? throw new InvalidOperationException("The preflight did not run.");
        while (true)
        {
            var organizationId = context.Record.OrganizationId!;
            var organization = new Organization
            {
                Ids = new OrganizationIdentifiers(organizationId),
                Name = TenantConventions.EntityName(tenantId),
                Description = TenantConventions.EntityDescription(tenantId),
                Attributes = conventions.OwnerAttributes(tenantId),
            };
            var created = await context.Operation.CallAsync(
                "Creating the organization",
                () => client.CreateOrganizationAsync(adminKey, userId, organization, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            var probe = new Ownership.Probe(
                "organization",
                () => client.ListOrganizationRightsAsync(adminKey, organizationId, cancellationToken),
                ThingsStackRights.OrganizationSettingsApiKeys,
                async () => (await client.GetOrganizationAsync(adminKey, organizationId, ["attributes"], cancellationToken)
                    .ConfigureAwait(false)).Attributes,
                () => client.ListOrganizationCollaboratorsAsync(adminKey, organizationId, cancellationToken),
                // The one member this library makes: the admin key's user, who created it.
                member => member.Ids.UserIds?.UserId == userId);
            var adopted = await Ownership.AdoptAsync(context, created, probe, cancellationToken).ConfigureAwait(false);
            if (adopted is not null)
            {
                return adopted;
            }

            if (context.Record.OrganizationIdRotations >= options.MaxOrganizationIdRotations)
            {
                return StepOutcome.Failed(
                    TtsFailure.Refusal(
                        $"Organization id {organizationId} belongs to another account, and {options.MaxOrganizationIdRotations} " +
                        "collision-safe ids were tried. Start fresh."),
                    requiresStartFresh: true);
            }

            var next = conventions.NewOrganizationId(tenantId);
            Log.OrganizationIdRotated(logger, tenantId, organizationId, next);
            await context.Operation.LeasedRun.SaveAsync(r => TenantTransitions.RotateOrganizationId(r, next), cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
