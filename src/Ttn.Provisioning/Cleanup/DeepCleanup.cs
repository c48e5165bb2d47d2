using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tenancy;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Cleanup;

/// <summary>
/// Everything the tenant owns, in dependency order, with independent requests sent together: first every look-up and
/// listing at once; then what the application and organization hold (end devices, webhooks, API keys, gateways, other
/// applications); then the application; then the organization; each purged when the admin key may purge.
/// </summary>
internal static class DeepCleanup
{
    private const string BroughtApplication = "The application was brought by the tenant; it is kept.";

    private const string NotOurs =
        "The application id belongs to another account (provisioning could not make it the tenant's); it is left alone.";

    /// <summary>
    /// Removes everything of <paramref name="record"/>'s tenant; answers the report and what is confirmed gone, or, when
    /// the admin key cannot even be checked, why nothing was removed.
    /// </summary>
    public static async Task<DeepCleanRun> RunAsync(
        CleanupSession session, TenantRecord record, TenantVault vault, TenantConventions conventions, CancellationToken cancellationToken)
    {
        var (client, key) = (session.Client, session.AdminKey);
        var application = record.ApplicationId is { } appId && !record.IsExistingApplication && !record.ApplicationIsNotOurs()
            ? appId
            : null;
        var organizationId = record.OrganizationId;

        // Round trip 1: the admin key's powers, whether the entities are still there, and what they hold.
        var auth = session.Operation.CallAsync(
            "Checking the admin API key", () => client.GetAuthInfoAsync(key, cancellationToken), cancellationToken);
        var applicationExists = application is null ? null : session.ExistsAsync(
            ResourceKind.Application,
            application,
            () => client.GetApplicationAsync(key, application, cancellationToken: cancellationToken),
            cancellationToken);
        var applicationContents = application is null ? null : ApplicationCleanup.ListAsync(session, application, cancellationToken);
        var organization = organizationId is null ? null : OrganizationCleanup.DiscoverAsync(session, organizationId, cancellationToken);
        await Task.WhenAll(new Task?[] { auth, applicationExists, applicationContents, organization }.OfType<Task>()).ConfigureAwait(false);

        var authInfo = await auth.ConfigureAwait(false);
        if (!authInfo.Succeeded)
        {
            return new DeepCleanRun(new CleanupReport(), default, authInfo.Failure);
        }

        var canPurge = authInfo.Value.IsAdmin;
        var entries = new List<ResourceCleanup>();
        var applicationGone = true;
        var applicationPurged = false;

        // Round trips 2-3: the application's contents (and, together, the organization's), then the application.
        var applicationTask = RemoveApplicationAsync();
        var organizationContents = organization is null ? null : OrganizationCleanup.EmptyAsync(
            session, await organization.ConfigureAwait(false), record.ApplicationId, canPurge, conventions.IsOurKeyName, cancellationToken);
        var applicationEntries = await applicationTask.ConfigureAwait(false);
        entries.AddRange(applicationEntries);

        var organizationGone = true;
        var organizationPurged = false;
        if (organization is not null && organizationContents is not null)
        {
            var discovered = await organization.ConfigureAwait(false);
            var contents = await organizationContents.ConfigureAwait(false);
            entries.AddRange(contents);
            var removed = await OrganizationCleanup.RemoveAsync(
                session,
                discovered,
                applicationGone && CleanupSession.AllGone(contents),
                canPurge,
                cancellationToken).ConfigureAwait(false);
            if (removed is { } organizationEntry)
            {
                entries.Add(organizationEntry);
                organizationGone = organizationEntry.Status != CleanupStatus.Failed;
                organizationPurged = organizationEntry.Purged;
            }
        }

        var outcome = new DeepCleanOutcome(applicationGone, organizationGone, applicationPurged, organizationPurged);
        return new DeepCleanRun(new CleanupReport { Resources = entries }, outcome, null);

        async Task<List<ResourceCleanup>> RemoveApplicationAsync()
        {
            if (record.ApplicationId is not { } id)
            {
                return [];
            }

            if (record.IsExistingApplication)
            {
                // Only what the library put there is removed from an application the tenant brought.
                var tenantKey = vault.OpenApplicationKey(record).Value ?? key;
                var webhookId = record.WebhookId ?? conventions.WebhookId;
                var webhook = await session.DeleteAsync(
                    ResourceKind.Webhook,
                    $"{id}/{record.WebhookId}",
                    () => client.DeleteWebhookAsync(session.Cluster, tenantKey, id, webhookId, cancellationToken),
                    cancellationToken)
                    .ConfigureAwait(false);
                applicationGone = webhook.Status != CleanupStatus.Failed;
                return [webhook, session.Skip(ResourceKind.Application, id, BroughtApplication)];
            }

            if (application is null)
            {
                return [session.Skip(ResourceKind.Application, id, NotOurs)];
            }

            if (!await applicationExists!.ConfigureAwait(false))
            {
                // Deleted by an earlier run: what was in it can no longer be reached (TTS answers 403 for it); purge is what is left.
                var purged = await session.RemoveEntityAsync(
                    ResourceKind.Application,
                    id,
                    canPurge,
                    delete: null,
                    () => client.PurgeApplicationAsync(key, id, cancellationToken),
                    exists: null,
                    cancellationToken)
                    .ConfigureAwait(false);
                (applicationGone, applicationPurged) = (purged.Status != CleanupStatus.Failed, purged.Purged);
                return [purged];
            }

            var emptied = await ApplicationCleanup.EmptyAsync(
                session, id, await applicationContents!.ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            var removed = await ApplicationCleanup.RemoveAsync(
                session, id, CleanupSession.AllGone(emptied), canPurge, cancellationToken).ConfigureAwait(false);
            (applicationGone, applicationPurged) = (removed.Status != CleanupStatus.Failed, removed.Purged);
            return [.. emptied, removed];
        }
    }
}

/// <summary>What a deep clean did.</summary>
/// <param name="Report">What happened to each resource.</param>
/// <param name="Outcome">What is confirmed gone.</param>
/// <param name="Abort">Why nothing was removed (the admin key could not be checked); null when the clean-up ran.</param>
internal sealed record DeepCleanRun(CleanupReport Report, DeepCleanOutcome Outcome, TtsFailure? Abort);
