using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Steps;

/// <summary>The application key, created with the organization key: what the tenant uses for its devices and traffic.</summary>
internal sealed class ApplicationApiKeyStep : ApiKeyStep
{
    public override ProvisioningStep Step => ProvisioningStep.ApplicationApiKey;

    public override ProvisioningStep DependsOn => ProvisioningStep.Application | ProvisioningStep.OrganizationApiKey;

    public override bool UsesOrganizationKey => true;

    protected override SecretField Field => SecretField.ApplicationApiKey;

    protected override string Kind => "application";

    protected override string ActingKey(StepContext context) => context.OrganizationKey;

    protected override IReadOnlyCollection<string> Rights(TtnProvisioningOptions options) => [.. options.ApplicationApiKeyRights];

    protected override IAsyncEnumerable<ThingsStackApiKey> List(
        StepContext context, string actingKey, CancellationToken cancellationToken) =>
        context.Services.Client.ListApplicationApiKeysAsync(actingKey, context.Record.ApplicationId!, cancellationToken);

    protected override Task<ThingsStackApiKey> CreateAsync(
        StepContext context, string actingKey, string name, IReadOnlyCollection<string> rights, CancellationToken cancellationToken) =>
        context.Services.Client.CreateApplicationApiKeyAsync(
            actingKey, context.Record.ApplicationId!, name, rights, cancellationToken: cancellationToken);

    protected override Task DeleteAsync(StepContext context, string actingKey, string keyId, CancellationToken cancellationToken) =>
        context.Services.Client.DeleteApplicationApiKeyAsync(actingKey, context.Record.ApplicationId!, keyId, cancellationToken);
}
