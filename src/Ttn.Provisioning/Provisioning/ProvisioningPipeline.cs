using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Ttn.Provisioning.DependencyInjection;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Provisioning;

/// <summary>
/// The provisioning steps (DESIGN.md §3), run under a tenant's lease and resumed from its checkpoints. Requests that do
/// not depend on each other go out together, so a new tenant costs four sequential round trips:
/// preflight → organization → (organization key ∥ application) → (application key ∥ webhook ∥ gateway key).
/// </summary>
internal sealed class ProvisioningPipeline
{
    internal const string WebhookFormat = "json";

    private static readonly string[] WebhookFieldMask = ["base_url", "format", "headers", "uplink_message", "join_accept"];

    private readonly IThingsStackClient _client;
    private readonly ISecretProtector _protector;
    private readonly TtnProvisioningOptions _options;
    private readonly ILogger _logger;

    public ProvisioningPipeline(IThingsStackClient client, ISecretProtector protector, TtnProvisioningOptions options, ILogger logger)
    {
        _client = client;
        _protector = protector;
        _options = options;
        _logger = logger;
    }

    /// <summary>Runs every step not yet completed. Returns warnings of optional steps; throws <see cref="StepFailedException"/> on failure.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(TenantRun run, Func<ValueTask<string>> adminKeyProvider, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var tenantId = run.Record.TenantId;
        if (run.Record.IsExistingApplication)
        {
            // A brought application has no organization of ours: only its webhook can be missing, set with its own key.
            await EnsureExistingApplicationWebhookAsync(run, cancellationToken).ConfigureAwait(false);
            return warnings;
        }

        var adminKey = await adminKeyProvider().ConfigureAwait(false);
        var userId = await PreflightAsync(run, adminKey, cancellationToken).ConfigureAwait(false);

        if (!run.Record.Checkpoints.HasFlag(ProvisioningCheckpoints.Organization))
        {
            await EnsureOrganizationAsync(run, adminKey, userId, cancellationToken).ConfigureAwait(false);
        }

        // Organization key and application do not depend on each other: they go out together. The webhook secret
        // is generated and stored (sealed, pending) in the same write, before it is ever sent.
        var needOrgKey = !run.Record.Checkpoints.HasFlag(ProvisioningCheckpoints.OrganizationApiKey);
        var needApplication = !run.Record.Checkpoints.HasFlag(ProvisioningCheckpoints.Application);
        var needWebhook = !run.Record.Checkpoints.HasFlag(ProvisioningCheckpoints.Webhook);
        if (needOrgKey || needApplication || (needWebhook && run.Record.PendingWebhookSecretSealed is null))
        {
            var applicationId = run.Record.ApplicationId ?? ThingsStackIds.Derive(ApplicationPrefix, tenantId);
            var pending = run.Record.PendingWebhookSecretSealed
                ?? (needWebhook ? _protector.Protect(WebhookSecrets.Generate(), Context(tenantId, SecretField.WebhookSecret)) : null);
            var orgKeyInterrupted = needOrgKey && run.Record.PendingSteps.HasFlag(ProvisioningCheckpoints.OrganizationApiKey);
            await run.SaveAsync(
                r => r with
                {
                    ApplicationId = applicationId,
                    PendingWebhookSecretSealed = pending,
                    CurrentStep = needOrgKey ? ProvisioningStep.OrganizationApiKey : ProvisioningStep.Application,
                    PendingSteps = r.PendingSteps
                        | (needOrgKey ? ProvisioningCheckpoints.OrganizationApiKey : 0)
                        | (needApplication ? ProvisioningCheckpoints.Application : 0),
                },
                cancellationToken).ConfigureAwait(false);

            var orgKeyTask = needOrgKey ? CreateOrganizationKeyAsync(run, adminKey, orgKeyInterrupted, cancellationToken) : Task.FromResult<SealedKey?>(null);
            var applicationTask = needApplication ? EnsureApplicationAsync(run, adminKey, applicationId, cancellationToken) : null;
            await SaveGroupAsync(
                run,
                (orgKeyTask, (r, key) => r with
                {
                    OrganizationApiKeySealed = key.Token,
                    OrganizationApiKeyLastFour = key.LastFour,
                    OrganizationApiKeyId = key.KeyId,
                    CredentialsUpdatedAt = run.Now,
                    Checkpoints = r.Checkpoints | ProvisioningCheckpoints.OrganizationApiKey,
                    PendingSteps = r.PendingSteps & ~ProvisioningCheckpoints.OrganizationApiKey,
                }),
                (applicationTask, r => r with
                {
                    Checkpoints = r.Checkpoints | ProvisioningCheckpoints.Application,
                    PendingSteps = r.PendingSteps & ~ProvisioningCheckpoints.Application,
                }),
                cancellationToken,
                revokeCreatedKey: id => _client.DeleteOrganizationApiKeyAsync(adminKey, run.Record.OrganizationId!, id, CancellationToken.None)).ConfigureAwait(false);
        }

        // Application key, gateway key and webhook all use the organization key and do not depend on each other.
        var needAppKey = !run.Record.Checkpoints.HasFlag(ProvisioningCheckpoints.ApplicationApiKey);
        var needGatewayKey = _options.CreateGatewayApiKey && !run.Record.Checkpoints.HasFlag(ProvisioningCheckpoints.GatewayApiKey);
        needWebhook = !run.Record.Checkpoints.HasFlag(ProvisioningCheckpoints.Webhook);
        if (needAppKey || needGatewayKey || needWebhook)
        {
            var orgKey = await OpenOrganizationKeyAsync(run, cancellationToken).ConfigureAwait(false);
            var appKeyInterrupted = needAppKey && run.Record.PendingSteps.HasFlag(ProvisioningCheckpoints.ApplicationApiKey);
            var gatewayKeyInterrupted = needGatewayKey && run.Record.PendingSteps.HasFlag(ProvisioningCheckpoints.GatewayApiKey);
            await run.SaveAsync(
                r => r with
                {
                    CurrentStep = needAppKey ? ProvisioningStep.ApplicationApiKey : needWebhook ? ProvisioningStep.Webhook : ProvisioningStep.GatewayApiKey,
                    PendingSteps = r.PendingSteps
                        | (needAppKey ? ProvisioningCheckpoints.ApplicationApiKey : 0)
                        | (needGatewayKey ? ProvisioningCheckpoints.GatewayApiKey : 0),
                },
                cancellationToken).ConfigureAwait(false);

            var appKeyTask = needAppKey ? CreateApplicationKeyAsync(run, orgKey, appKeyInterrupted, cancellationToken) : Task.FromResult<SealedKey?>(null);
            var webhookTask = needWebhook ? SetWebhookAsync(run, orgKey, run.Record.ApplicationId!, run.Record.PendingWebhookSecretSealed, ProvisioningStep.Webhook, cancellationToken) : null;
            var gatewayKeyTask = needGatewayKey ? CreateGatewayKeyAsync(run, orgKey, gatewayKeyInterrupted, cancellationToken) : Task.FromResult<SealedKey?>(null);

            // The gateway key is optional: its failure becomes a warning. A refusal marks the step done (asking again
            // will not help); a transient failure leaves it pending, so that the next Provision revokes what it may
            // have left on TTS and tries again.
            var gatewayOutcome = await CaptureAsync(gatewayKeyTask).ConfigureAwait(false);
            var gatewayRefused = false;
            if (needGatewayKey && gatewayOutcome.Failure is { } gatewayFailure)
            {
                gatewayRefused = gatewayFailure is StepFailedException { IsTransient: false };
                Log.GatewayKeyFailed(_logger, tenantId, gatewayFailure.Message);
                warnings.Add($"Gateway API key not created: {gatewayFailure.Message}");
            }

            try
            {
                await SaveGroupAsync(
                    run,
                    (appKeyTask, (r, key) => r with
                    {
                        ApplicationApiKeySealed = key.Token,
                        ApplicationApiKeyLastFour = key.LastFour,
                        ApplicationApiKeyId = key.KeyId,
                        CredentialsUpdatedAt = run.Now,
                        Checkpoints = r.Checkpoints | ProvisioningCheckpoints.ApplicationApiKey,
                        PendingSteps = r.PendingSteps & ~ProvisioningCheckpoints.ApplicationApiKey,
                    }),
                    (webhookTask, PromoteWebhookSecret),
                    cancellationToken,
                    gatewayOutcome.Key is { } gatewayKey
                        ? r => r with
                        {
                            GatewayApiKeySealed = gatewayKey.Token,
                            GatewayApiKeyLastFour = gatewayKey.LastFour,
                            GatewayApiKeyId = gatewayKey.KeyId,
                            Checkpoints = r.Checkpoints | ProvisioningCheckpoints.GatewayApiKey,
                            PendingSteps = r.PendingSteps & ~ProvisioningCheckpoints.GatewayApiKey,
                        }
                        : needGatewayKey && gatewayRefused
                            ? r => r with
                            {
                                Checkpoints = r.Checkpoints | ProvisioningCheckpoints.GatewayApiKey,
                                PendingSteps = r.PendingSteps & ~ProvisioningCheckpoints.GatewayApiKey,
                            }
                            : null,
                    revokeCreatedKey: id => _client.DeleteApplicationApiKeyAsync(orgKey, run.Record.ApplicationId!, id, CancellationToken.None)).ConfigureAwait(false);
            }
            catch (StepFailedException failure) when (failure.Tts?.StatusCode == System.Net.HttpStatusCode.Unauthorized)
            {
                // The stored organization key is no longer accepted (revoked or expired): forget it, so that the next
                // run revokes what is left of it by name and makes a new one.
                await run.SaveAsync(
                    r => r with
                    {
                        OrganizationApiKeySealed = null,
                        OrganizationApiKeyLastFour = null,
                        OrganizationApiKeyId = null,
                        Checkpoints = r.Checkpoints & ~ProvisioningCheckpoints.OrganizationApiKey,
                        PendingSteps = r.PendingSteps | ProvisioningCheckpoints.OrganizationApiKey,
                    },
                    CancellationToken.None).ConfigureAwait(false);
                throw new StepFailedException(failure.Step, $"{failure.Message} The stored organization API key was refused; a retry replaces it.", isTransient: true, innerException: failure.Tts);
            }
        }

        return warnings;
    }

    internal string WebhookId => _options.WebhookId;

    /// <summary>The record once TTS has accepted the pending webhook secret: it is now the secret in force.</summary>
    internal TenantRecord PromoteWebhookSecret(TenantRecord record) => record.PendingWebhookSecretSealed is null
        ? record
        : record with
        {
            WebhookSecretSealed = record.PendingWebhookSecretSealed,
            WebhookSecretLastFour = LastFourOf(record.PendingWebhookSecretSealed, record.TenantId, SecretField.WebhookSecret),
            PendingWebhookSecretSealed = null,
            WebhookId = _options.WebhookId,
            WebhookUrl = WebhookUrlFor(record.TenantId),
            Checkpoints = record.Checkpoints | ProvisioningCheckpoints.Webhook,
        };

    /// <summary>Sets the webhook of a brought application with the tenant's own key (all a resumed bring-your-own run needs).</summary>
    internal async Task EnsureExistingApplicationWebhookAsync(TenantRun run, CancellationToken cancellationToken)
    {
        if (run.Record.Checkpoints.HasFlag(ProvisioningCheckpoints.Webhook))
        {
            return;
        }

        var key = OpenApplicationKey(run.Record)
            ?? throw new StepFailedException(ProvisioningStep.Webhook, "The stored application API key of the brought application could not be opened; configure the application again with its key.", isTransient: false);
        if (run.Record.PendingWebhookSecretSealed is null)
        {
            var pending = _protector.Protect(WebhookSecrets.Generate(), Context(run.Record.TenantId, SecretField.WebhookSecret));
            await run.SaveAsync(r => r with { PendingWebhookSecretSealed = pending, CurrentStep = ProvisioningStep.Webhook }, cancellationToken).ConfigureAwait(false);
        }

        await SetWebhookAsync(run, key, run.Record.ApplicationId!, run.Record.PendingWebhookSecretSealed, ProvisioningStep.Webhook, cancellationToken).ConfigureAwait(false);
        await run.SaveAsync(PromoteWebhookSecret, CancellationToken.None).ConfigureAwait(false);
    }

    internal string ApplicationPrefix => $"{_options.IdPrefix}-app";

    internal string WebhookUrlFor(string tenantId) =>
        $"{_options.WebhookBaseUrl!.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(tenantId)}";

    internal string KeyName(string kind) => $"{_options.ApiKeyNamePrefix}-{kind}";

    internal static SecretContext Context(string tenantId, SecretField field) => new(tenantId, field);

    /// <summary>Sets the tenant's webhook with a sealed secret (create or update). Used by provisioning, rotation and bring-your-own.</summary>
    internal async Task SetWebhookAsync(TenantRun run, string apiKey, string applicationId, string? sealedSecret, ProvisioningStep? step, CancellationToken cancellationToken, IReadOnlyCollection<string>? fieldMask = null)
    {
        var secret = _protector.Unprotect(sealedSecret, Context(run.Record.TenantId, SecretField.WebhookSecret));
        if (!secret.TryGetValue(out var plain))
        {
            throw new StepFailedException(step, $"The pending webhook secret could not be opened ({secret}); retrying generates a new one.", isTransient: true);
        }

        var webhook = new Webhook
        {
            Ids = new WebhookIdentifiers(_options.WebhookId, new ApplicationIdentifiers(applicationId)),
            BaseUrl = WebhookUrlFor(run.Record.TenantId),
            Format = WebhookFormat,
            Headers = new Dictionary<string, string> { [_options.WebhookSecretHeader] = plain },
            UplinkMessage = new WebhookMessage(string.Empty),
            JoinAccept = new WebhookMessage(string.Empty),
        };
        await CallAsync(run, step, "Setting the webhook", () => _client.SetWebhookAsync(apiKey, applicationId, webhook, fieldMask ?? WebhookFieldMask, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Calls TTS once, counting the request and turning TTS failures into <see cref="StepFailedException"/>.</summary>
    internal static async Task<T> CallAsync<T>(TenantRun run, ProvisioningStep? step, string what, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        await run.RenewIfDueAsync(cancellationToken).ConfigureAwait(false);
        run.CountRequest();
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception exception) when (StepFailedException.FromTtsFailure(step, what, exception, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    internal static async Task CallAsync(TenantRun run, ProvisioningStep? step, string what, Func<Task> call, CancellationToken cancellationToken) =>
        await CallAsync(run, step, what, async () => { await call().ConfigureAwait(false); return true; }, cancellationToken).ConfigureAwait(false);

    private async Task<string> PreflightAsync(TenantRun run, string adminKey, CancellationToken cancellationToken)
    {
        Log.StepStarted(_logger, run.Record.TenantId, ProvisioningStep.Preflight);
        var auth = await CallAsync(run, ProvisioningStep.Preflight, "Checking the admin API key", () => _client.GetAuthInfoAsync(adminKey, cancellationToken), cancellationToken).ConfigureAwait(false);
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
            throw new StepFailedException(ProvisioningStep.Preflight, $"The admin API key is {kind}; provisioning needs a personal (user) API key.", isTransient: false);
        }

        if (!auth.IsAdmin)
        {
            var report = PermissionReport.FromAuthInfo(auth);
            var required = new[] { ThingsStackRights.UserOrganizationsCreate, ThingsStackRights.OrganizationSettingsApiKeys, ThingsStackRights.OrganizationApplicationsCreate }
                .Concat(_options.OrganizationApiKeyRights);
            // auth_info answers with the pseudo-rights already expanded, so only concrete rights are compared.
            var missing = ThingsStackRights.Expand(required)
                .Where(r => !r.EndsWith("_ALL", StringComparison.Ordinal) && !report.Has(r))
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (missing.Length > 0)
            {
                throw new StepFailedException(ProvisioningStep.Preflight, $"The admin API key lacks rights provisioning needs: {string.Join(", ", missing)}.", isTransient: false);
            }
        }

        if (!string.Equals(run.Record.TtsUserId, userId, StringComparison.Ordinal))
        {
            await run.SaveAsync(r => r with { TtsUserId = userId }, cancellationToken).ConfigureAwait(false);
        }

        Log.StepCompleted(_logger, run.Record.TenantId, ProvisioningStep.Preflight);
        return userId;
    }

    private async Task EnsureOrganizationAsync(TenantRun run, string adminKey, string userId, CancellationToken cancellationToken)
    {
        var tenantId = run.Record.TenantId;
        var organizationId = run.Record.OrganizationId ?? ThingsStackIds.Derive(_options.IdPrefix, tenantId);
        await run.SaveAsync(r => r with { OrganizationId = organizationId, CurrentStep = ProvisioningStep.Organization }, cancellationToken).ConfigureAwait(false);
        Log.StepStarted(_logger, tenantId, ProvisioningStep.Organization);

        while (true)
        {
            var organization = new Organization
            {
                Ids = new OrganizationIdentifiers(organizationId),
                Name = Truncate($"Tenant {tenantId}", 50),
                Description = Truncate($"Provisioned by Ttn.Provisioning for tenant {tenantId}.", 2000),
                Attributes = OwnerAttributes(tenantId),
            };

            var ours = false;
            try
            {
                await CallAsync(run, ProvisioningStep.Organization, "Creating the organization", () => _client.CreateOrganizationAsync(adminKey, userId, organization, cancellationToken), cancellationToken).ConfigureAwait(false);
                ours = true;
            }
            catch (StepFailedException failure) when (failure.Tts is { } tts && (tts.IsAlreadyExists || tts.IsForbiddenId))
            {
                // Ours from an earlier, interrupted run? Then we hold the rights to manage its keys.
                if (!tts.IsForbiddenId)
                {
                    ours = await IsOursAsync(
                        run,
                        ProvisioningStep.Organization,
                        "organization",
                        () => _client.ListOrganizationRightsAsync(adminKey, organizationId, cancellationToken),
                        ThingsStackRights.OrganizationSettingsApiKeys,
                        async () => (await _client.GetOrganizationAsync(adminKey, organizationId, ["attributes"], cancellationToken).ConfigureAwait(false)).Attributes,
                        cancellationToken).ConfigureAwait(false);
                }
            }

            if (ours)
            {
                await run.SaveAsync(
                    r => r with
                    {
                        OrganizationId = organizationId,
                        Checkpoints = r.Checkpoints | ProvisioningCheckpoints.Organization,
                    },
                    cancellationToken).ConfigureAwait(false);
                Log.StepCompleted(_logger, tenantId, ProvisioningStep.Organization);
                return;
            }

            if (run.Record.OrganizationIdRotations >= _options.MaxOrganizationIdRotations)
            {
                throw new StepFailedException(
                    ProvisioningStep.Organization,
                    $"Organization id {organizationId} belongs to another account, and {_options.MaxOrganizationIdRotations} collision-safe ids were tried. Start fresh.",
                    isTransient: false,
                    requiresStartFresh: true);
            }

            var next = ThingsStackIds.CreateUnique(_options.IdPrefix, tenantId);
            Log.OrganizationIdRotated(_logger, tenantId, organizationId, next);
            organizationId = next;
            await run.SaveAsync(r => r with { OrganizationId = next, OrganizationIdRotations = r.OrganizationIdRotations + 1 }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EnsureApplicationAsync(TenantRun run, string adminKey, string applicationId, CancellationToken cancellationToken)
    {
        var tenantId = run.Record.TenantId;
        Log.StepStarted(_logger, tenantId, ProvisioningStep.Application);
        var clusterAddress = (_options.ThingsStack.ClusterUri ?? _options.ThingsStack.IdentityServerUri)?.Authority;
        var application = new Application
        {
            Ids = new ApplicationIdentifiers(applicationId),
            Name = Truncate($"Tenant {tenantId}", 50),
            Description = Truncate($"Provisioned by Ttn.Provisioning for tenant {tenantId}.", 2000),
            Attributes = OwnerAttributes(tenantId),

            // The cluster that serves this application's devices (the Identity Server may sit elsewhere: API.md §9).
            NetworkServerAddress = clusterAddress,
            ApplicationServerAddress = clusterAddress,
            JoinServerAddress = clusterAddress,
        };

        try
        {
            await CallAsync(run, ProvisioningStep.Application, "Creating the application", () => _client.CreateApplicationInOrganizationAsync(adminKey, run.Record.OrganizationId!, application, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (StepFailedException failure) when (failure.Tts is { IsAlreadyExists: true } or { IsForbiddenId: true })
        {
            var ours = failure.Tts.IsAlreadyExists && await IsOursAsync(
                run,
                ProvisioningStep.Application,
                "application",
                () => _client.ListApplicationRightsAsync(adminKey, applicationId, cancellationToken),
                ThingsStackRights.ApplicationSettingsApiKeys,
                async () => (await _client.GetApplicationAsync(adminKey, applicationId, ["attributes"], cancellationToken).ConfigureAwait(false)).Attributes,
                cancellationToken).ConfigureAwait(false);
            if (!ours)
            {
                throw new StepFailedException(
                    ProvisioningStep.Application,
                    $"Application id {applicationId} exists but this account has no rights on it (it belongs to another account, or was deleted and is still reserved). Start fresh to use a new id.",
                    isTransient: false,
                    requiresStartFresh: true,
                    failure.Tts);
            }
        }

        Log.StepCompleted(_logger, tenantId, ProvisioningStep.Application);
    }

    private async Task<SealedKey?> CreateOrganizationKeyAsync(TenantRun run, string adminKey, bool interrupted, CancellationToken cancellationToken)
    {
        var organizationId = run.Record.OrganizationId!;
        var name = KeyName("organization");
        Log.StepStarted(_logger, run.Record.TenantId, ProvisioningStep.OrganizationApiKey);
        if (interrupted)
        {
            await RevokeKeysByNameAsync(
                run,
                ProvisioningStep.OrganizationApiKey,
                "organization",
                () => _client.ListOrganizationApiKeysAsync(adminKey, organizationId, cancellationToken),
                id => _client.DeleteOrganizationApiKeyAsync(adminKey, organizationId, id, cancellationToken),
                name,
                cancellationToken).ConfigureAwait(false);
        }

        var created = await CallAsync(run, ProvisioningStep.OrganizationApiKey, "Creating the organization API key", () => _client.CreateOrganizationApiKeyAsync(adminKey, organizationId, name, [.. _options.OrganizationApiKeyRights], cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        return Seal(run, created, SecretField.OrganizationApiKey, ProvisioningStep.OrganizationApiKey);
    }

    private async Task<SealedKey?> CreateApplicationKeyAsync(TenantRun run, string orgKey, bool interrupted, CancellationToken cancellationToken)
    {
        var applicationId = run.Record.ApplicationId!;
        var name = KeyName("application");
        Log.StepStarted(_logger, run.Record.TenantId, ProvisioningStep.ApplicationApiKey);
        if (interrupted)
        {
            await RevokeKeysByNameAsync(
                run,
                ProvisioningStep.ApplicationApiKey,
                "application",
                () => _client.ListApplicationApiKeysAsync(orgKey, applicationId, cancellationToken),
                id => _client.DeleteApplicationApiKeyAsync(orgKey, applicationId, id, cancellationToken),
                name,
                cancellationToken).ConfigureAwait(false);
        }

        var created = await CallAsync(run, ProvisioningStep.ApplicationApiKey, "Creating the application API key", () => _client.CreateApplicationApiKeyAsync(orgKey, applicationId, name, [.. _options.ApplicationApiKeyRights], cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        return Seal(run, created, SecretField.ApplicationApiKey, ProvisioningStep.ApplicationApiKey);
    }

    private async Task<SealedKey?> CreateGatewayKeyAsync(TenantRun run, string orgKey, bool interrupted, CancellationToken cancellationToken)
    {
        var organizationId = run.Record.OrganizationId!;
        var name = KeyName("gateway");
        if (interrupted)
        {
            await RevokeKeysByNameAsync(
                run,
                ProvisioningStep.GatewayApiKey,
                "gateway",
                () => _client.ListOrganizationApiKeysAsync(orgKey, organizationId, cancellationToken),
                id => _client.DeleteOrganizationApiKeyAsync(orgKey, organizationId, id, cancellationToken),
                name,
                cancellationToken).ConfigureAwait(false);
        }

        var created = await CallAsync(run, ProvisioningStep.GatewayApiKey, "Creating the gateway API key", () => _client.CreateOrganizationApiKeyAsync(orgKey, organizationId, name, [.. _options.GatewayApiKeyRights], cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        return Seal(run, created, SecretField.GatewayApiKey, ProvisioningStep.GatewayApiKey);
    }

    /// <summary>The attribute that marks an organization or application as created by this deployment for this tenant.</summary>
    internal const string OwnerAttribute = "ttn-provisioning-owner";

    /// <summary>
    /// The owner marker: a hash of the id prefix, the webhook base URL and the tenant id, so that another deployment
    /// sharing the admin key (staging and production, say) never adopts this one's resources, nor a tenant another's.
    /// </summary>
    internal Dictionary<string, string> OwnerAttributes(string tenantId) => new() { [OwnerAttribute] = OwnerMarker(tenantId) };

    internal string OwnerMarker(string tenantId)
    {
        var material = System.Text.Encoding.UTF8.GetBytes($"{_options.IdPrefix}\n{_options.WebhookBaseUrl?.AbsoluteUri}\n{tenantId}");
        return Convert.ToHexStringLower(SHA256.HashData(material))[..32];
    }

    /// <summary>
    /// After a 409: is the existing entity ours? It is when the admin key holds the management right on it AND it carries
    /// this deployment's owner marker for this tenant. No rights (403), gone (404) or no marker: not ours.
    /// </summary>
    private async Task<bool> IsOursAsync(
        TenantRun run,
        ProvisioningStep step,
        string kind,
        Func<Task<IReadOnlyList<string>>> rights,
        string managementRight,
        Func<Task<IReadOnlyDictionary<string, string>?>> attributes,
        CancellationToken cancellationToken)
    {
        try
        {
            var granted = await CallAsync(run, step, $"Checking rights on the existing {kind}", rights, cancellationToken).ConfigureAwait(false);
            if (!PermissionReport.FromRights(granted).Has(managementRight))
            {
                return false;
            }

            var marks = await CallAsync(run, step, $"Reading the existing {kind}'s owner", attributes, cancellationToken).ConfigureAwait(false);
            return marks is not null
                && marks.TryGetValue(OwnerAttribute, out var marker)
                && string.Equals(marker, OwnerMarker(run.Record.TenantId), StringComparison.Ordinal);
        }
        catch (StepFailedException probe) when (probe.Tts is { IsNotFound: true } or { IsPermissionDenied: true })
        {
            return false;
        }
    }

    /// <summary>
    /// A run that stopped after TTS created a key but before the store kept it leaves a live key nobody holds.
    /// Before creating a new one, revoke every key of ours (by name) on the entity.
    /// </summary>
    private async Task RevokeKeysByNameAsync(TenantRun run, ProvisioningStep step, string kind, Func<IAsyncEnumerable<ThingsStackApiKey>> list, Func<string, Task> delete, string name, CancellationToken cancellationToken)
    {
        var orphans = new List<string>();
        await run.RenewIfDueAsync(cancellationToken).ConfigureAwait(false);
        run.CountRequest();
        try
        {
            await foreach (var key in list().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (string.Equals(key.Name, name, StringComparison.Ordinal) && key.Id is not null)
                {
                    orphans.Add(key.Id);
                }
            }
        }
        catch (Exception exception) when (StepFailedException.FromTtsFailure(step, $"Listing {kind} API keys", exception, cancellationToken) is { } failure)
        {
            throw failure;
        }

        foreach (var id in orphans)
        {
            try
            {
                await CallAsync(run, step, $"Revoking an orphaned {kind} API key", () => delete(id), cancellationToken).ConfigureAwait(false);
            }
            catch (StepFailedException failure) when (failure.Tts is { IsNotFound: true })
            {
                // Already gone.
            }
        }

        if (orphans.Count > 0)
        {
            Log.OrphanKeysRevoked(_logger, run.Record.TenantId, orphans.Count, kind);
        }
    }

    private SealedKey Seal(TenantRun run, ThingsStackApiKey created, SecretField field, ProvisioningStep step)
    {
        if (string.IsNullOrEmpty(created.Key))
        {
            throw new StepFailedException(step, "The Things Stack created the API key but returned no secret.", isTransient: true);
        }

        return new SealedKey(_protector.Protect(created.Key, Context(run.Record.TenantId, field)), SafeDecrypt.GetLastFour(created.Key), created.Id);
    }

    private async Task<string> OpenOrganizationKeyAsync(TenantRun run, CancellationToken cancellationToken)
    {
        var opened = _protector.Unprotect(run.Record.OrganizationApiKeySealed, Context(run.Record.TenantId, SecretField.OrganizationApiKey));
        if (opened.TryGetValue(out var key))
        {
            return key;
        }

        // A key we cannot open is as good as lost: forget it, so that the next run revokes it by name and makes a new one.
        Log.SecretUnreadable(_logger, run.Record.TenantId, nameof(SecretField.OrganizationApiKey), opened.ToString());
        await run.SaveAsync(
            r => r with
            {
                OrganizationApiKeySealed = null,
                OrganizationApiKeyLastFour = null,
                Checkpoints = r.Checkpoints & ~ProvisioningCheckpoints.OrganizationApiKey,
                PendingSteps = r.PendingSteps | ProvisioningCheckpoints.OrganizationApiKey,
            },
            cancellationToken).ConfigureAwait(false);
        throw new StepFailedException(ProvisioningStep.OrganizationApiKey, $"The stored organization API key could not be opened ({opened}); a retry replaces it.", isTransient: true);
    }

    /// <summary>The tenant's own application key (for a brought application), or null when it cannot be opened.</summary>
    internal string? OpenApplicationKey(TenantRecord record) =>
        _protector.Unprotect(record.ApplicationApiKeySealed, Context(record.TenantId, SecretField.ApplicationApiKey)).Value;

    private string? LastFourOf(string? sealedSecret, string tenantId, SecretField field) =>
        _protector.Unprotect(sealedSecret, Context(tenantId, field)).LastFour;

    /// <summary>
    /// Awaits steps that ran together, then stores every success in one write (so a key TTS showed once is kept even
    /// when its sibling failed), and only then reports the first failure.
    /// </summary>
    private static async Task SaveGroupAsync(
        TenantRun run,
        (Task<SealedKey?> Task, Func<TenantRecord, SealedKey, TenantRecord> Apply) keyStep,
        (Task? Task, Func<TenantRecord, TenantRecord> Apply) plainStep,
        CancellationToken cancellationToken,
        Func<TenantRecord, TenantRecord>? extra = null,
        Func<string, Task>? revokeCreatedKey = null)
    {
        var key = await CaptureAsync(keyStep.Task).ConfigureAwait(false);
        Exception? plainFailure = null;
        try
        {
            if (plainStep.Task is not null)
            {
                await plainStep.Task.ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            plainFailure = exception;
        }

        var keySucceeded = key.Key is not null;
        var plainRan = plainStep.Task is not null;
        if (keySucceeded || (plainRan && plainFailure is null) || extra is not null)
        {
            try
            {
                await run.SaveAsync(
                    r =>
                    {
                        var next = keySucceeded ? keyStep.Apply(r, key.Key!) : r;
                        next = plainRan && plainFailure is null ? plainStep.Apply(next) : next;
                        return extra is null ? next : extra(next);
                    },
                    CancellationToken.None).ConfigureAwait(false);
            }
            catch (LeaseLostException) when (key.Key?.KeyId is { } createdKeyId && revokeCreatedKey is not null)
            {
                // Another run took over while TTS was creating this key: that run will not know of it, so revoke it.
                try
                {
                    await revokeCreatedKey(createdKeyId).ConfigureAwait(false);
                }
                catch (Exception revokeFailure) when (revokeFailure is ThingsStackException or HttpRequestException)
                {
                    // Best effort: the run that holds the lease revokes keys of ours by name when it resumes this step.
                }

                throw;
            }
        }

        if (key.Failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(key.Failure).Throw();
        }

        if (plainFailure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(plainFailure).Throw();
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private static async Task<(SealedKey? Key, Exception? Failure)> CaptureAsync(Task<SealedKey?> task)
    {
        try
        {
            return (await task.ConfigureAwait(false), null);
        }
        catch (Exception exception)
        {
            return (null, exception);
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    /// <summary>A key TTS created, already sealed.</summary>
    internal sealed record SealedKey(string Token, string? LastFour, string? KeyId)
    {
        public override string ToString() => $"SealedKey({KeyId})";
    }
}

/// <summary>Webhook secrets: made from the system's cryptographic random source, compared in constant time.</summary>
internal static class WebhookSecrets
{
    /// <summary>A new secret: 32 random bytes as 64 lower-case hex characters.</summary>
    public static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>Compares a presented secret with the stored one in time that does not depend on where they differ.</summary>
    public static bool FixedTimeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(presented),
            System.Text.Encoding.UTF8.GetBytes(expected));
}
