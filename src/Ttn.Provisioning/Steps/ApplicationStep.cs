using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tenancy;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Steps;

/// <summary>
/// Creates the tenant's application in its organization, or adopts it when an earlier run of ours created it. An
/// application id that belongs to someone else cannot be rotated here (the id is part of what the tenant was given):
/// only a start fresh can help.
/// </summary>
internal sealed class ApplicationStep : PipelineStep
{
    public override ProvisioningStep Step => ProvisioningStep.Application;

    public override ProvisioningStep DependsOn => ProvisioningStep.Organization;

    public override TenantRecord Prepare(TenantRecord record, StepContext context) =>
        TenantTransitions.WithApplicationId(record, record.ApplicationId ?? context.Services.Conventions.ApplicationIdFor(record.TenantId));

    public override async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var (client, conventions, _, options, _) = context.Services;
        var tenantId = context.TenantId;
        var adminKey = context.Operation.AdminKey;
        var record = context.Record;
        var applicationId = record.ApplicationId!;

        // The cluster that serves this application's devices (the Identity Server may sit elsewhere).
        var clusterAddress = conventions.ClusterAddress(conventions.ClusterOf(record));
        var application = new Application
        {
            Ids = new ApplicationIdentifiers(applicationId),
            Name = TenantConventions.EntityName(tenantId),
            Description = TenantConventions.EntityDescription(tenantId),
            Attributes = conventions.OwnerAttributes(tenantId),
            NetworkServerAddress = clusterAddress,
            ApplicationServerAddress = clusterAddress,
            JoinServerAddress = clusterAddress,
        };
        var created = await context.Operation.CallAsync(
            "Creating the application",
            () => client.CreateApplicationInOrganizationAsync(adminKey, record.OrganizationId!, application, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var probe = new Ownership.Probe(
            "application",
            () => client.ListApplicationRightsAsync(adminKey, applicationId, cancellationToken),
            ThingsStackRights.ApplicationSettingsApiKeys,
            async () => (await client.GetApplicationAsync(adminKey, applicationId, ["attributes"], cancellationToken)
                .ConfigureAwait(false)).Attributes,
            () => client.ListApplicationCollaboratorsAsync(adminKey, applicationId, cancellationToken),
            // The collaborator this library makes: the tenant's organization, which created it (and the admin user).
            member => member.Ids.OrganizationIds?.OrganizationId == record.OrganizationId
                || (member.Ids.UserIds is { } user && user.UserId == context.AdminUserId));
        var adopted = await Ownership.AdoptAsync(context, created, probe, cancellationToken).ConfigureAwait(false);
        if (adopted is not null)
        {
            return adopted;
        }

        return StepOutcome.Failed(
            created.Failure!.Rephrase(
                $"Application id {applicationId} exists but this account has no rights on it (it belongs to another account, " +
                "or was deleted and is still reserved). Start fresh to use a new id.",
                isTransient: false),
            requiresStartFresh: true);
    }
}
