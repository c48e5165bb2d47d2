using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Steps;

/// <summary>The optional gateway key (an organization key with gateway rights); its failure is a warning.</summary>
internal sealed class GatewayApiKeyStep : ApiKeyStep
{
    public override ProvisioningStep Step => ProvisioningStep.GatewayApiKey;

    public override ProvisioningStep DependsOn => ProvisioningStep.OrganizationApiKey;

    public override bool IsOptional => true;

    public override bool UsesOrganizationKey => true;

    protected override SecretField Field => SecretField.GatewayApiKey;

    protected override string Kind => "gateway";

    protected override string ActingKey(StepContext context) => context.OrganizationKey;

    protected override IReadOnlyCollection<string> Rights(TtnProvisioningOptions options) => [.. options.GatewayApiKeyRights];

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
