using Microsoft.Extensions.Logging;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Provisioning;

/// <summary>
/// Removes a tenant's resources from The Things Stack, one resource at a time, recording what happened to each:
/// a failure is reported and the clean-up goes on, so one stuck resource never hides the others.
/// </summary>
internal sealed class TenantCleaner
{
    private readonly IThingsStackClient _client;
    private readonly ProvisioningPipeline _pipeline;
    private readonly ILogger _logger;

    public TenantCleaner(IThingsStackClient client, ProvisioningPipeline pipeline, ILogger logger)
    {
        _client = client;
        _pipeline = pipeline;
        _logger = logger;
    }

    /// <summary>What a deep clean confirmed gone.</summary>
    internal readonly record struct Gone(bool Application, bool Organization);

    /// <summary>
    /// For a start fresh, from the record as it was (<paramref name="record"/>): the webhook, the application's keys and the
    /// application itself (not its devices: a start fresh never deletes sensors), and the library's organization keys.
    /// The organization stays. An application the library did not create is left alone, apart from its webhook.
    /// </summary>
    public async Task<CleanupReport> RemoveForStartFreshAsync(TenantRun run, TenantRecord record, string adminKey, CancellationToken cancellationToken)
    {
        var report = new List<ResourceCleanup>();
        if (record.ApplicationId is { } applicationId)
        {
            if (record.IsExistingApplication)
            {
                if (_pipeline.OpenApplicationKey(record) is { } tenantKey && record.WebhookId is { } webhookId)
                {
                    await RemoveAsync(run, report, "webhook", $"{applicationId}/{webhookId}", () => _client.DeleteWebhookAsync(tenantKey, applicationId, webhookId, cancellationToken), cancellationToken).ConfigureAwait(false);
                }

                report.Add(Skip(run, "application", applicationId, "The application was brought by the tenant; it is kept."));
            }
            else if (record.ApplicationIsNotOurs())
            {
                report.Add(Skip(run, "application", applicationId, NotOurs));
            }
            else if (!await ExistsAsync(run, "application", applicationId, () => _client.GetApplicationAsync(adminKey, applicationId, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                report.Add(Record(run, new ResourceCleanup("application", applicationId, CleanupStatus.AlreadyGone)));
            }
            else
            {
                var contentsGone = await RemoveAsync(run, report, "webhook", $"{applicationId}/{record.WebhookId ?? "(none)"}", () => _client.DeleteWebhookAsync(adminKey, applicationId, record.WebhookId ?? _pipeline.WebhookId, cancellationToken), cancellationToken).ConfigureAwait(false);
                contentsGone &= await RemoveKeysAsync(run, report, "application_api_key", () => _client.ListApplicationApiKeysAsync(adminKey, applicationId, cancellationToken), id => _client.DeleteApplicationApiKeyAsync(adminKey, applicationId, id, cancellationToken), ours: true, cancellationToken).ConfigureAwait(false);
                await RemoveContainerAsync(run, report, "application", applicationId, contentsGone, canPurge: false, () => _client.DeleteApplicationAsync(adminKey, applicationId, cancellationToken), () => Task.CompletedTask, () => _client.GetApplicationAsync(adminKey, applicationId, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
            }
        }

        if (record.OrganizationId is { } organizationId && record.Checkpoints.HasFlag(ProvisioningCheckpoints.Organization))
        {
            await RemoveKeysAsync(run, report, "organization_api_key", () => _client.ListOrganizationApiKeysAsync(adminKey, organizationId, cancellationToken), id => _client.DeleteOrganizationApiKeyAsync(adminKey, organizationId, id, cancellationToken), ours: true, cancellationToken).ConfigureAwait(false);
        }

        return new CleanupReport { Resources = report };
    }

    /// <summary>
    /// Everything the tenant owns, in dependency order: end devices (AS, NS, JS, then IS), webhooks, API keys,
    /// application, gateways, organization; purged when the admin key may purge.
    /// </summary>
    public async Task<(CleanupReport Report, Gone Gone)> DeepCleanAsync(TenantRun run, string adminKey, CancellationToken cancellationToken)
    {
        var report = new List<ResourceCleanup>();
        var record = run.Record;
        var auth = await ProvisioningPipeline.CallAsync(run, null, "Checking the admin API key", () => _client.GetAuthInfoAsync(adminKey, cancellationToken), cancellationToken).ConfigureAwait(false);
        var canPurge = auth.IsAdmin;

        var applicationGone = true;
        if (record.ApplicationId is { } applicationId)
        {
            if (record.IsExistingApplication)
            {
                // Only what the library put there is removed from an application the tenant brought.
                var key = _pipeline.OpenApplicationKey(record);
                applicationGone &= await RemoveAsync(run, report, "webhook", $"{applicationId}/{record.WebhookId}", () => _client.DeleteWebhookAsync(key ?? adminKey, applicationId, record.WebhookId ?? _pipeline.WebhookId, cancellationToken), cancellationToken).ConfigureAwait(false);
                report.Add(Skip(run, "application", applicationId, "The application was brought by the tenant; it is kept."));
            }
            else if (record.ApplicationIsNotOurs())
            {
                report.Add(Skip(run, "application", applicationId, NotOurs));
            }
            else if (!await ExistsAsync(run, "application", applicationId, () => _client.GetApplicationAsync(adminKey, applicationId, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                // Deleted by an earlier run: what was in it can no longer be reached (TTS answers 403 for it); purge is what is left.
                applicationGone &= await RemoveEntityAsync(run, report, "application", applicationId, canPurge, delete: null, () => _client.PurgeApplicationAsync(adminKey, applicationId, cancellationToken), exists: null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                applicationGone &= await RemoveApplicationAsync(run, report, adminKey, applicationId, canPurge, cancellationToken).ConfigureAwait(false);
            }
        }

        var organizationGone = true;
        if (record.OrganizationId is { } organizationId)
        {
            if (!await ExistsAsync(run, "organization", organizationId, () => _client.GetOrganizationAsync(adminKey, organizationId, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                // Deleted by an earlier run: purge is what is left.
                organizationGone &= await RemoveEntityAsync(run, report, "organization", organizationId, canPurge, delete: null, () => _client.PurgeOrganizationAsync(adminKey, organizationId, cancellationToken), exists: null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // Applications of the tenant's organization other than the current one: left by a start fresh that could not
                // delete them (devices still in them), or by an earlier deep clean that stopped half-way.
                organizationGone &= await RemoveOtherApplicationsAsync(run, report, adminKey, organizationId, record.ApplicationId, canPurge, cancellationToken).ConfigureAwait(false);
                organizationGone &= await RemoveKeysAsync(run, report, "organization_api_key", () => _client.ListOrganizationApiKeysAsync(adminKey, organizationId, cancellationToken), id => _client.DeleteOrganizationApiKeyAsync(adminKey, organizationId, id, cancellationToken), ours: false, cancellationToken).ConfigureAwait(false);
                organizationGone &= await RemoveGatewaysAsync(run, report, adminKey, organizationId, canPurge, cancellationToken).ConfigureAwait(false);

                // An organization is deleted only once everything in it is gone; otherwise its id would stay taken by a half-cleaned tenant.
                organizationGone = await RemoveContainerAsync(run, report, "organization", organizationId, applicationGone && organizationGone, canPurge, () => _client.DeleteOrganizationAsync(adminKey, organizationId, cancellationToken), () => _client.PurgeOrganizationAsync(adminKey, organizationId, cancellationToken), () => _client.GetOrganizationAsync(adminKey, organizationId, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
            }
        }

        return (new CleanupReport { Resources = report }, new Gone(applicationGone, organizationGone));
    }

    /// <summary>An application and everything in it: end devices, webhooks, API keys, then the application itself.</summary>
    private async Task<bool> RemoveApplicationAsync(TenantRun run, List<ResourceCleanup> report, string adminKey, string applicationId, bool canPurge, CancellationToken cancellationToken)
    {
        var contentsGone = await RemoveDevicesAsync(run, report, adminKey, applicationId, cancellationToken).ConfigureAwait(false);
        contentsGone &= await RemoveWebhooksAsync(run, report, adminKey, applicationId, cancellationToken).ConfigureAwait(false);
        contentsGone &= await RemoveKeysAsync(run, report, "application_api_key", () => _client.ListApplicationApiKeysAsync(adminKey, applicationId, cancellationToken), id => _client.DeleteApplicationApiKeyAsync(adminKey, applicationId, id, cancellationToken), ours: false, cancellationToken).ConfigureAwait(false);
        return await RemoveContainerAsync(run, report, "application", applicationId, contentsGone, canPurge, () => _client.DeleteApplicationAsync(adminKey, applicationId, cancellationToken), () => _client.PurgeApplicationAsync(adminKey, applicationId, cancellationToken), () => _client.GetApplicationAsync(adminKey, applicationId, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The organization's other applications, live ones cleaned like the current one; soft-deleted ones purged when the
    /// key may purge (otherwise their ids stay reserved, which holds nothing of the tenant).
    /// </summary>
    private async Task<bool> RemoveOtherApplicationsAsync(TenantRun run, List<ResourceCleanup> report, string adminKey, string organizationId, string? currentApplicationId, bool canPurge, CancellationToken cancellationToken)
    {
        var live = new List<string>();
        var deleted = new List<string>();
        var listed = await TryListAsync(run, report, "application", organizationId, async () =>
        {
            await foreach (var application in _client.ListOrganizationApplicationsAsync(adminKey, organizationId, cancellationToken: cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                live.Add(application.Ids.ApplicationId);
            }

            if (canPurge)
            {
                await foreach (var application in _client.ListOrganizationApplicationsAsync(adminKey, organizationId, deleted: true, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    deleted.Add(application.Ids.ApplicationId);
                }
            }
        }, cancellationToken).ConfigureAwait(false);
        if (!listed)
        {
            return false;
        }

        var allGone = true;
        foreach (var applicationId in live.Where(id => !string.Equals(id, currentApplicationId, StringComparison.Ordinal)))
        {
            allGone &= await RemoveApplicationAsync(run, report, adminKey, applicationId, canPurge, cancellationToken).ConfigureAwait(false);
        }

        foreach (var applicationId in deleted.Where(id => !string.Equals(id, currentApplicationId, StringComparison.Ordinal) && !live.Contains(id)))
        {
            allGone &= await RemoveEntityAsync(run, report, "application", applicationId, canPurge, delete: null, () => _client.PurgeApplicationAsync(adminKey, applicationId, cancellationToken), exists: null, cancellationToken).ConfigureAwait(false);
        }

        return allGone;
    }

    private async Task<bool> RemoveDevicesAsync(TenantRun run, List<ResourceCleanup> report, string adminKey, string applicationId, CancellationToken cancellationToken)
    {
        var devices = new List<string>();
        var listed = await TryListAsync(run, report, "end_device", applicationId, async () =>
        {
            await foreach (var device in _client.ListEndDevicesAsync(adminKey, applicationId, cancellationToken: cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                devices.Add(device.Ids.DeviceId);
            }
        }, cancellationToken).ConfigureAwait(false);
        if (!listed)
        {
            return false;
        }

        var allGone = true;
        foreach (var deviceId in devices)
        {
            // Data planes first, the registry last: the registry entry is what lets us find the device again.
            string? failure = null;
            foreach (var component in new[] { EndDeviceComponent.ApplicationServer, EndDeviceComponent.NetworkServer, EndDeviceComponent.JoinServer, EndDeviceComponent.IdentityServer })
            {
                try
                {
                    await ProvisioningPipeline.CallAsync(run, null, $"Deleting end device {deviceId}", () => _client.DeleteEndDeviceAsync(adminKey, component, applicationId, deviceId, cancellationToken), cancellationToken).ConfigureAwait(false);
                }
                catch (StepFailedException exception) when (IsGone(exception))
                {
                    // Not in that component: nothing to delete there.
                }
                catch (StepFailedException exception)
                {
                    failure = $"{component}: {exception.Message}";
                    break;
                }
            }

            allGone &= failure is null;
            report.Add(Record(run, new ResourceCleanup("end_device", $"{applicationId}/{deviceId}", failure is null ? CleanupStatus.Deleted : CleanupStatus.Failed, Reason: failure)));
        }

        return allGone;
    }

    private async Task<bool> RemoveWebhooksAsync(TenantRun run, List<ResourceCleanup> report, string adminKey, string applicationId, CancellationToken cancellationToken)
    {
        IReadOnlyList<Webhook> webhooks = [];
        var listed = await TryListAsync(run, report, "webhook", applicationId, async () => webhooks = await _client.ListWebhooksAsync(adminKey, applicationId, cancellationToken: cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        if (!listed)
        {
            return false;
        }

        var allGone = true;
        foreach (var webhook in webhooks)
        {
            var webhookId = webhook.Ids.WebhookId;
            allGone &= await RemoveAsync(run, report, "webhook", $"{applicationId}/{webhookId}", () => _client.DeleteWebhookAsync(adminKey, applicationId, webhookId, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        return allGone;
    }

    private async Task<bool> RemoveGatewaysAsync(TenantRun run, List<ResourceCleanup> report, string adminKey, string organizationId, bool canPurge, CancellationToken cancellationToken)
    {
        var gateways = new List<string>();
        var listed = await TryListAsync(run, report, "gateway", organizationId, async () =>
        {
            await foreach (var gateway in _client.ListGatewaysAsync(adminKey, organizationId, cancellationToken: cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                gateways.Add(gateway.Ids.GatewayId);
            }
        }, cancellationToken).ConfigureAwait(false);
        if (!listed)
        {
            return false;
        }

        var allGone = true;
        foreach (var gatewayId in gateways)
        {
            allGone &= await RemoveEntityAsync(run, report, "gateway", gatewayId, canPurge, () => _client.DeleteGatewayAsync(adminKey, gatewayId, cancellationToken), () => _client.PurgeGatewayAsync(adminKey, gatewayId, cancellationToken), () => _client.GetGatewayAsync(adminKey, gatewayId, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        if (canPurge)
        {
            // Gateways an earlier run deleted but could not purge are listed only as deleted ones.
            var deleted = new List<string>();
            allGone &= await TryListAsync(run, report, "deleted gateway", organizationId, async () =>
            {
                await foreach (var gateway in _client.ListDeletedGatewaysAsync(adminKey, organizationId, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    deleted.Add(gateway.Ids.GatewayId);
                }
            }, cancellationToken).ConfigureAwait(false);
            foreach (var gatewayId in deleted.Except(gateways, StringComparer.Ordinal))
            {
                allGone &= await RemoveEntityAsync(run, report, "gateway", gatewayId, canPurge, delete: null, () => _client.PurgeGatewayAsync(adminKey, gatewayId, cancellationToken), exists: null, cancellationToken).ConfigureAwait(false);
            }
        }

        return allGone;
    }

    /// <summary>Deletes the keys on an entity: all of them (deep clean), or only the library's own (start fresh).</summary>
    private async Task<bool> RemoveKeysAsync(TenantRun run, List<ResourceCleanup> report, string kind, Func<IAsyncEnumerable<ThingsStackApiKey>> list, Func<string, Task> delete, bool ours, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var listed = await TryListAsync(run, report, kind, "(list)", async () =>
        {
            await foreach (var key in list().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (key.Id is not null && (!ours || key.Name?.StartsWith(_pipeline.KeyName(string.Empty), StringComparison.Ordinal) == true))
                {
                    keys.Add(key.Id);
                }
            }
        }, cancellationToken).ConfigureAwait(false);
        if (!listed)
        {
            return false;
        }

        var allGone = true;
        foreach (var id in keys)
        {
            allGone &= await RemoveAsync(run, report, kind, id, () => delete(id), cancellationToken).ConfigureAwait(false);
        }

        return allGone;
    }

    /// <summary>
    /// Deletes an entity that holds others (application, organization) once what it holds is gone; otherwise keeps it,
    /// so that what is left inside can still be reached by a re-run.
    /// </summary>
    private async Task<bool> RemoveContainerAsync(TenantRun run, List<ResourceCleanup> report, string kind, string id, bool contentsGone, bool canPurge, Func<Task> delete, Func<Task> purge, Func<Task> exists, CancellationToken cancellationToken)
    {
        if (!contentsGone)
        {
            report.Add(Record(run, new ResourceCleanup(kind, id, CleanupStatus.Failed, Reason: "Kept: resources inside it could not be removed.")));
            return false;
        }

        return await RemoveEntityAsync(run, report, kind, id, canPurge, delete, purge, exists, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes an entity that TTS soft-deletes (<paramref name="delete"/> null: it is already deleted), then purges it
    /// when allowed (so its id is released). A delete whose answer was lost counts when <paramref name="exists"/> shows the
    /// entity gone; a purge that fails leaves the entity Failed, so that a re-run purges it.
    /// </summary>
    private async Task<bool> RemoveEntityAsync(TenantRun run, List<ResourceCleanup> report, string kind, string id, bool canPurge, Func<Task>? delete, Func<Task> purge, Func<Task>? exists, CancellationToken cancellationToken)
    {
        var status = delete is null ? CleanupStatus.AlreadyGone : CleanupStatus.Deleted;
        try
        {
            if (delete is not null)
            {
                await ProvisioningPipeline.CallAsync(run, null, $"Deleting {kind} {id}", delete, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (StepFailedException exception) when (IsGone(exception))
        {
            status = CleanupStatus.AlreadyGone;
        }
        catch (StepFailedException exception)
        {
            // The delete may have gone through with only its answer lost: a look-up tells.
            if (exists is null || await ExistsAsync(run, kind, id, exists, cancellationToken).ConfigureAwait(false))
            {
                report.Add(Record(run, new ResourceCleanup(kind, id, CleanupStatus.Failed, Reason: exception.Message)));
                return false;
            }
        }

        var purged = false;
        if (canPurge)
        {
            try
            {
                await ProvisioningPipeline.CallAsync(run, null, $"Purging {kind} {id}", purge, cancellationToken).ConfigureAwait(false);
                purged = true;
            }
            catch (StepFailedException exception) when (IsGone(exception))
            {
                // Not even a deleted entity is left under that id (an earlier purge whose answer was lost): it is free.
                purged = true;
            }
            catch (StepFailedException exception)
            {
                // The key may purge, so a re-run must be able to: the id would otherwise stay reserved for good.
                report.Add(Record(run, new ResourceCleanup(kind, id, CleanupStatus.Failed, Purged: false, Reason: $"Deleted, but not purged: {exception.Message}")));
                return false;
            }
        }

        report.Add(Record(run, new ResourceCleanup(kind, id, status, purged)));
        return true;
    }

    private async Task<bool> RemoveAsync(TenantRun run, List<ResourceCleanup> report, string kind, string id, Func<Task> delete, CancellationToken cancellationToken)
    {
        try
        {
            await ProvisioningPipeline.CallAsync(run, null, $"Deleting {kind} {id}", delete, cancellationToken).ConfigureAwait(false);
            report.Add(Record(run, new ResourceCleanup(kind, id, CleanupStatus.Deleted)));
            return true;
        }
        catch (StepFailedException exception) when (IsGone(exception))
        {
            report.Add(Record(run, new ResourceCleanup(kind, id, CleanupStatus.AlreadyGone)));
            return true;
        }
        catch (StepFailedException exception)
        {
            report.Add(Record(run, new ResourceCleanup(kind, id, CleanupStatus.Failed, Reason: exception.Message)));
            return false;
        }
    }

    /// <summary>
    /// Whether a registry entity is still there (not deleted). A soft-deleted entity answers 403 <c>no_*_rights</c> to
    /// almost every call, as one of another account would, but 404 to a GET without field mask (API.md §5): so a
    /// re-run can tell "deleted by the earlier run" from "not ours". When the answer says neither, it is assumed to be
    /// there, and the deletes report what fails.
    /// </summary>
    private static async Task<bool> ExistsAsync(TenantRun run, string kind, string id, Func<Task> get, CancellationToken cancellationToken)
    {
        try
        {
            await ProvisioningPipeline.CallAsync(run, null, $"Looking up {kind} {id}", get, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StepFailedException exception) when (exception.Tts is { IsNotFound: true })
        {
            return false;
        }
        catch (StepFailedException)
        {
            return true;
        }
    }

    private async Task<bool> TryListAsync(TenantRun run, List<ResourceCleanup> report, string kind, string scope, Func<Task> list, CancellationToken cancellationToken)
    {
        await run.RenewIfDueAsync(cancellationToken).ConfigureAwait(false);
        run.CountRequest();
        try
        {
            await list().ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (StepFailedException.FromTtsFailure(null, $"Listing {kind}s", exception, cancellationToken) is { } failure)
        {
            if (IsGone(failure))
            {
                return true;
            }

            report.Add(Record(run, new ResourceCleanup(kind, scope, CleanupStatus.Failed, Reason: failure.Message)));
            return false;
        }
    }

    /// <summary>
    /// Whether a refusal means the resource is already gone: 404, or 403 with no rights at all on it, which is what TTS
    /// answers a non-admin for an entity that was deleted (API.md §5), e.g. by an earlier attempt whose answer was lost.
    /// </summary>
    private static bool IsGone(StepFailedException failure) =>
        failure.Tts is { IsNotFound: true } or { IsNoApplicationRights: true } or { IsNoOrganizationRights: true };

    private const string NotOurs = "The application id belongs to another account (provisioning could not make it the tenant's); it is left alone.";

    private ResourceCleanup Skip(TenantRun run, string kind, string id, string reason) =>
        Record(run, new ResourceCleanup(kind, id, CleanupStatus.Skipped, Reason: reason));

    private ResourceCleanup Record(TenantRun run, ResourceCleanup cleanup)
    {
        Log.ResourceCleaned(_logger, run.Record.TenantId, cleanup.Kind, cleanup.Id, cleanup.Status, cleanup.Reason);
        return cleanup;
    }
}
