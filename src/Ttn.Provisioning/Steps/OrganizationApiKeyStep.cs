using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Steps;

/// <summary>The organization key, created with the admin key: the key that manages the tenant's resources.</summary>
internal sealed class OrganizationApiKeyStep : ApiKeyStep
{
    public override ProvisioningStep Step => ProvisioningStep.OrganizationApiKey;

    public override ProvisioningStep DependsOn => ProvisioningStep.Organization;

    protected override SecretField Field => SecretField.OrganizationApiKey;

    protected override string Kind => "organization";

    protected override string ActingKey(StepContext context) => context.Operation.AdminKey;

    protected override IReadOnlyCollection<string> Rights(TtnProvisioningOptions options) => [.. options.OrganizationApiKeyRights];

    protected override IAsyncEnumerable<ThingsStackApiKey> List(
        StepContext context, string actingKey, CancellationToken cancellationToken) =>
        context.Services.Client.ListOrganizationApiKeysAsync(actingKey, context.Record.OrganizationId!, cancellationToken);

    protected override Task<ThingsStackApiKey> CreateAsync(
        StepContext context, string actingKey, string name, IReadOnlyCollection<string> rights, CancellationToken cancellationToken) =>
        context.Services.Client.CreateOrganizationApiKeyAsync(
            actingKey, context.Record.OrganizationId!, name, rights, cancellationToken: cancellationToken);

    protected override Task DeleteAsync(StepContext context, string actingKey, string keyId, CancellationToken cancellationToken) =>
        context.Services.Client.DeleteOrganizationApiKeyAsync(actingKey, context.Record.OrganizationId!, keyId, cancellationToken);
}
