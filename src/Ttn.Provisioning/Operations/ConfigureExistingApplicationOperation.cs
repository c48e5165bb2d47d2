using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Brings an existing application and its key instead of provisioning one: checks the key's rights, stores it sealed,
/// and sets the webhook with it. A tenant with resources the library provisioned must be cleaned first.
/// </summary>
internal sealed class ConfigureExistingApplicationOperation : TenantOperation<ProvisioningResult>
{
    private const string AlreadyProvisioned =
        "The tenant already has resources provisioned by the library; deep clean (or start fresh) before bringing an existing application.";

    private readonly OperationServices _services;
    private readonly string _applicationId;
    private readonly string _applicationApiKey;

    /// <exception cref="ArgumentException">The key is empty or malformed, or the application id is not a valid TTS id.</exception>
    public ConfigureExistingApplicationOperation(OperationServices services, string applicationId, string applicationApiKey)
    {
        ApiKeyArguments.Validate(applicationApiKey, nameof(applicationApiKey));
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        _services = services;
        _applicationId = applicationId;
        _applicationApiKey = applicationApiKey;
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.ConfigureExistingApplication;

    public override bool WouldCreateResources(TenantRecord record) => true;

    public override Admission Admit(string tenantId, TenantRecord? current, DateTimeOffset now) =>
        current is null || current.IsExistingApplication || (current.State == ProvisioningState.Idle && current.ApplicationId is null)
            ? Admission.Lease(current ?? new TenantRecord { TenantId = tenantId })
            : Admission.Refuse(ProvisioningOutcome.NotApplicable, TenantError.Local(null, AlreadyProvisioned, now));

    public override async Task<ProvisioningResult> ExecuteAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var run = context.LeasedRun;
        var rights = await CheckApiKeyOperation.CheckRightsAsync(
            context,
            _services.Client,
            _applicationApiKey,
            _applicationId,
            "Checking the application API key",
            cancellationToken).ConfigureAwait(false);
        var refusal = rights switch
        {
            { Succeeded: false } => rights.Failure,
            _ when !CheckApiKeyOperation.IsSufficient(rights.Value!) => TtsFailure.Refusal(
                $"The application API key lacks rights the tenant needs: {string.Join(", ", MissingRights(rights.Value!))}."),
            _ => null,
        };
        if (refusal is not null)
        {
            var error = refusal.ToError(ProvisioningStep.Application, context.Now);
            await run.ReleaseAsync(r => TenantTransitions.MarkFailed(r, error, requiresStartFresh: false), CancellationToken.None)
                .ConfigureAwait(false);
            return ProvisioningRun.Result(context.TenantId, ProvisioningOutcome.Failed, run.Record, context.RequestCount, error);
        }

        var vault = _services.Vault;
        var key = vault.SealApiKey(
            context.TenantId, SecretField.ApplicationApiKey, _applicationApiKey, ApiKeyArguments.KeyIdOf(_applicationApiKey));
        var pending = vault.NewWebhookSecret(context.TenantId);
        var cluster = _services.Conventions.ClusterOf(run.Record);
        await run.SaveAsync(
            r => TenantTransitions.OnCluster(TenantTransitions.BringExistingApplication(r, _applicationId, key, pending, run.Now), cluster),
            cancellationToken).ConfigureAwait(false);
        return await ProvisioningRun.CompleteAsync(_services, context, cancellationToken).ConfigureAwait(false);
    }

    protected override ProvisioningResult CreateResult(TenantRecord? record) => ProvisioningRun.Describe(record);

    private static IEnumerable<string> MissingRights(PermissionReport report) =>
        CheckApiKeyOperation.RequiredGroups.SelectMany(report.MissingFor).Distinct().Order(StringComparer.Ordinal);
}
