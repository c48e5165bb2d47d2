using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Operations;

/// <summary>Checks what an API key may do on an application (the key is used for this one request and never stored).</summary>
internal sealed class CheckApiKeyOperation : TenantOperation<ApiKeyCheckResult>
{
    /// <summary>The rights groups every provisioned tenant's application key needs.</summary>
    public static readonly ThingsStackRightsGroup[] RequiredGroups =
        [ThingsStackRightsGroup.Core, ThingsStackRightsGroup.Webhook, ThingsStackRightsGroup.Devices, ThingsStackRightsGroup.Downlink];

    private readonly OperationServices _services;
    private readonly string _apiKey;
    private readonly string _applicationId;

    /// <exception cref="ArgumentException">The key is empty or malformed, or the application id is not a valid TTS id.</exception>
    public CheckApiKeyOperation(OperationServices services, string apiKey, string applicationId)
    {
        ApiKeyArguments.Validate(apiKey, nameof(apiKey));
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        _services = services;
        _apiKey = apiKey;
        _applicationId = applicationId;
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.CheckApiKey;

    public override bool TakesLease => false;

    public override async Task<ApiKeyCheckResult> ExecuteAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var rights = await CheckRightsAsync(
            context, _services.Client, _apiKey, _applicationId, "Checking the API key", cancellationToken).ConfigureAwait(false);
        return rights.Succeeded
            ? new ApiKeyCheckResult
            {
                Outcome = ProvisioningOutcome.Succeeded,
                Permissions = rights.Value,
                IsSufficient = IsSufficient(rights.Value),
            }
            : new ApiKeyCheckResult
            {
                Outcome = ProvisioningOutcome.Failed,
                Error = rights.Failure.ToError(null, context.Now),
            };
    }

    protected override ApiKeyCheckResult CreateResult(TenantRecord? record) => new();

    /// <summary>Whether a key's rights on an application cover what a provisioned tenant needs.</summary>
    public static bool IsSufficient(PermissionReport report) => RequiredGroups.All(report.Satisfies);

    /// <summary>Asks TTS for a key's rights on an application.</summary>
    public static async Task<TtsResult<PermissionReport>> CheckRightsAsync(
        OperationContext context,
        IThingsStackClient client,
        string apiKey,
        string applicationId,
        string what,
        CancellationToken cancellationToken)
    {
        var rights = await context.CallAsync(
            what, () => client.ListApplicationRightsAsync(apiKey, applicationId, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return rights.Succeeded ? TtsResult<PermissionReport>.Ok(PermissionReport.FromRights(rights.Value)) : rights.Failure;
    }
}
