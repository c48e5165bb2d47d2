using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Steps;

/// <summary>
/// Checks the admin key (<c>GET /auth_info</c>) on every attempt: it must be a user's key, and, unless the user is an
/// admin, hold the rights provisioning needs. Finds the TTS user that will own the tenant's organization.
/// </summary>
internal sealed class PreflightStep : PipelineStep
{
    public override ProvisioningStep Step => ProvisioningStep.Preflight;

    public override ProvisioningStep DependsOn => ProvisioningStep.None;

    public override bool IsCheckpointed => false;

    public override async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var services = context.Services;
        var adminKey = context.Operation.AdminKey;
        var answer = await context.Operation.CallAsync(
            "Checking the admin API key",
            () => services.Client.GetAuthInfoAsync(adminKey, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (!answer.Succeeded)
        {
            return StepOutcome.Failed(answer.Failure);
        }

        var auth = answer.Value;
        var userId = auth.ApiKey?.EntityIds?.UserIds?.UserId ?? auth.OAuthAccessToken?.UserIds?.UserId;
        if (userId is null)
        {
            var kind = auth.ApiKey?.EntityIds switch
            {
                { OrganizationIds: not null } => "an organization API key",
                { ApplicationIds: not null } => "an application API key",
                { GatewayIds: not null } => "a gateway API key",
                _ => "not a user credential",
            };
            return StepOutcome.Failed(TtsFailure.Refusal($"The admin API key is {kind}; provisioning needs a personal (user) API key."));
        }

        if (!auth.IsAdmin && MissingRights(auth, services.Options) is { Length: > 0 } missing)
        {
            return StepOutcome.Failed(
                TtsFailure.Refusal($"The admin API key lacks rights provisioning needs: {string.Join(", ", missing)}."));
        }

        context.AdminUserId = userId;
        return StepOutcome.Done(string.Equals(context.Record.TtsUserId, userId, StringComparison.Ordinal)
            ? null
            : r => TenantTransitions.WithTtsUser(r, userId));
    }

    /// <summary>The concrete rights the key lacks (auth_info answers with the pseudo-rights already expanded).</summary>
    private static string[] MissingRights(AuthInfo auth, TtnProvisioningOptions options)
    {
        var report = PermissionReport.FromAuthInfo(auth);
        var required = new[]
            {
                ThingsStackRights.UserOrganizationsCreate,
                ThingsStackRights.OrganizationSettingsApiKeys,
                ThingsStackRights.OrganizationApplicationsCreate,
            }
            .Concat(options.OrganizationApiKeyRights);
        return [.. ThingsStackRights.Expand(required)
            .Where(r => !r.EndsWith("_ALL", StringComparison.Ordinal) && !report.Has(r))
            .Order(StringComparer.Ordinal)];
    }
}
