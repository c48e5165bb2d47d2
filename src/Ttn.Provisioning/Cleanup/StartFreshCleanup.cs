using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tenancy;

namespace Ttn.Provisioning.Cleanup;

/// <summary>
/// What a start fresh removes, from the record as it was: the webhook, the application's keys of ours and the
/// application itself (not its devices: a start fresh never deletes sensors), and the organization's keys of ours. The
/// organization stays. An application the library did not create is left alone, apart from its webhook. Three round
/// trips: look-ups, listings and the webhook together; then the keys; then the application.
/// </summary>
internal static class StartFreshCleanup
{
    private const string BroughtApplication = "The application was brought by the tenant; it is kept.";

    private const string NotOurs =
        "The application id belongs to another account (provisioning could not make it the tenant's); it is left alone.";

    public static async Task<CleanupReport> RunAsync(
        CleanupSession session, TenantRecord record, TenantVault vault, TenantConventions conventions, CancellationToken cancellationToken)
    {
        var (client, key) = (session.Client, session.AdminKey);
        var organizationKeys = record.OrganizationId is { } organizationId && record.Checkpoints.HasFlag(ProvisioningStep.Organization)
            ? session.ListAsync(
                ResourceKind.OrganizationApiKey,
                "(list)",
                () => client.ListOrganizationApiKeysAsync(key, organizationId, cancellationToken),
                cancellationToken)
            : null;

        List<ResourceCleanup> entries = [];
        Task<ResourceCleanup[]>? applicationKeyRemoval = null;
        Func<Task<ResourceCleanup>>? applicationRemoval = null;
        if (record.ApplicationId is { } applicationId)
        {
            var webhookId = record.WebhookId ?? conventions.WebhookId;
            if (record.IsExistingApplication)
            {
                if (vault.OpenApplicationKey(record).TryGetValue(out var tenantKey) && record.WebhookId is not null)
                {
                    entries.Add(await session.DeleteAsync(
                        ResourceKind.Webhook,
                        $"{applicationId}/{webhookId}",
                        () => client.DeleteWebhookAsync(session.Cluster, tenantKey, applicationId, webhookId, cancellationToken),
                        cancellationToken).ConfigureAwait(false));
                }

                entries.Add(session.Skip(ResourceKind.Application, applicationId, BroughtApplication));
            }
            else if (record.ApplicationIsNotOurs())
            {
                entries.Add(session.Skip(ResourceKind.Application, applicationId, NotOurs));
            }
            else
            {
                // Round trip 1: is it there, its webhook, its keys (and, above, the organization's keys), together.
                var exists = session.ExistsAsync(
                    ResourceKind.Application,
                    applicationId,
                    () => client.GetApplicationAsync(key, applicationId, cancellationToken: cancellationToken),
                    cancellationToken);
                var webhook = session.DeleteAsync(
                    ResourceKind.Webhook,
                    $"{applicationId}/{record.WebhookId ?? "(none)"}",
                    () => client.DeleteWebhookAsync(session.Cluster, key, applicationId, webhookId, cancellationToken),
                    cancellationToken);
                var keys = session.ListAsync(
                    ResourceKind.ApplicationApiKey,
                    "(list)",
                    () => client.ListApplicationApiKeysAsync(key, applicationId, cancellationToken),
                    cancellationToken);
                await Task.WhenAll(exists, webhook, keys).ConfigureAwait(false);
                if (!await exists.ConfigureAwait(false))
                {
                    entries.Add(session.Record(new ResourceCleanup(ResourceKind.Application, applicationId, CleanupStatus.AlreadyGone)));
                }
                else
                {
                    entries.Add(await webhook.ConfigureAwait(false));
                    var (listed, listFailure) = await keys.ConfigureAwait(false);
                    if (listFailure is not null)
                    {
                        entries.Add(listFailure);
                    }

                    // Round trip 2: our keys of the application (together with the organization's, below).
                    applicationKeyRemoval = Task.WhenAll(Ours(listed, conventions).Select(id => session.DeleteAsync(
                        ResourceKind.ApplicationApiKey,
                        id,
                        () => client.DeleteApplicationApiKeyAsync(key, applicationId, id, cancellationToken),
                        cancellationToken)));

                    // Round trip 3: the application, once what it held is gone (never purged: the old id is left reserved).
                    applicationRemoval = async () =>
                    {
                        var removedKeys = await applicationKeyRemoval.ConfigureAwait(false);
                        entries.AddRange(removedKeys);
                        return await ApplicationCleanup.RemoveAsync(
                            session,
                            applicationId,
                            CleanupSession.AllGone(entries),
                            canPurge: false,
                            cancellationToken).ConfigureAwait(false);
                    };
                }
            }
        }

        var organizationKeyRemoval = RemoveOrganizationKeysAsync();
        if (applicationRemoval is not null)
        {
            entries.Add(await applicationRemoval().ConfigureAwait(false));
        }

        entries.AddRange(await organizationKeyRemoval.ConfigureAwait(false));
        return new CleanupReport { Resources = entries };

        async Task<List<ResourceCleanup>> RemoveOrganizationKeysAsync()
        {
            if (organizationKeys is null)
            {
                return [];
            }

            var (listed, listFailure) = await organizationKeys.ConfigureAwait(false);
            if (listFailure is not null)
            {
                return [listFailure];
            }

            var organization = record.OrganizationId!;
            var removed = await Task.WhenAll(Ours(listed, conventions).Select(id => session.DeleteAsync(
                ResourceKind.OrganizationApiKey,
                id,
                () => client.DeleteOrganizationApiKeyAsync(key, organization, id, cancellationToken),
                cancellationToken))).ConfigureAwait(false);

            // Keys someone minted with the organization key outside the library survive a start fresh: the host must hear of
            // them (ids and names only), since they still act on the organization.
            var foreign = (listed ?? [])
                .Where(k => k.Id is not null && !conventions.IsOurKeyName(k.Name))
                .Select(
                    k => session.Skip(
                        ResourceKind.OrganizationApiKey, k.Id!, CleanupSession.CreatedOutside(k.Name) + " It was left in place."));
            return [.. removed, .. foreign];
        }
    }

    private static IEnumerable<string> Ours(IReadOnlyList<ThingsStack.ThingsStackApiKey>? keys, TenantConventions conventions) =>
        (keys ?? []).Where(k => k.Id is not null && conventions.IsOurKeyName(k.Name)).Select(k => k.Id!);
}
