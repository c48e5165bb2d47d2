using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Cleanup;

/// <summary>
/// Removes the tenant's organization: what it holds (its other applications, left by a start fresh that could not delete
/// them or a deep clean that stopped half-way; its API keys; its gateways), then the organization itself.
/// </summary>
internal static class OrganizationCleanup
{
    /// <summary>What the organization holds, listed (null where the listing failed and was reported).</summary>
    internal sealed record Discovery(
        string OrganizationId,
        bool Exists,
        IReadOnlyList<string>? Applications,
        IReadOnlyList<ThingsStackApiKey>? Keys,
        IReadOnlyList<string>? Gateways,
        IReadOnlyList<ResourceCleanup> ListFailures);

    /// <summary>Looks the organization up and lists what it holds, together.</summary>
    public static async Task<Discovery> DiscoverAsync(CleanupSession session, string organizationId, CancellationToken cancellationToken)
    {
        var (client, key) = (session.Client, session.AdminKey);
        var exists = session.ExistsAsync(
            ResourceKind.Organization,
            organizationId,
            () => client.GetOrganizationAsync(key, organizationId, cancellationToken: cancellationToken),
            cancellationToken);
        var applications = session.ListAsync(
            ResourceKind.Application,
            organizationId,
            () => client.ListOrganizationApplicationsAsync(key, organizationId, cancellationToken: cancellationToken),
            cancellationToken);
        var keys = session.ListAsync(
            ResourceKind.OrganizationApiKey,
            "(list)",
            () => client.ListOrganizationApiKeysAsync(key, organizationId, cancellationToken),
            cancellationToken);
        var gateways = session.ListAsync(
            ResourceKind.Gateway,
            organizationId,
            () => client.ListGatewaysAsync(key, organizationId, cancellationToken: cancellationToken),
            cancellationToken);
        await Task.WhenAll(exists, applications, keys, gateways).ConfigureAwait(false);

        if (!await exists.ConfigureAwait(false))
        {
            // Deleted by an earlier run: nothing in it can be reached any more; purge is what is left.
            return new Discovery(organizationId, false, [], [], [], []);
        }

        var (a, k, g) = (await applications.ConfigureAwait(false), await keys.ConfigureAwait(false), await gateways.ConfigureAwait(false));
        return new Discovery(
            organizationId,
            true,
            a.Items?.Select(x => x.Ids.ApplicationId).ToList(),
            k.Items?.Where(x => x.Id is not null).ToList(),
            g.Items?.Select(x => x.Ids.GatewayId).ToList(),
            [.. new[] { a.Failure, k.Failure, g.Failure }.OfType<ResourceCleanup>()]);
    }

    /// <summary>
    /// Removes what the organization holds, together: its applications other than <paramref name="currentApplicationId"/>
    /// (removed with their contents; soft-deleted ones purged when the key may purge), every API key, every gateway.
    /// </summary>
    public static async Task<List<ResourceCleanup>> EmptyAsync(
        CleanupSession session,
        Discovery discovery,
        string? currentApplicationId,
        bool canPurge,
        Func<string?, bool> isOurs,
        CancellationToken cancellationToken)
    {
        if (!discovery.Exists)
        {
            return [];
        }

        var (client, key, organizationId) = (session.Client, session.AdminKey, discovery.OrganizationId);
        var others = (discovery.Applications ?? [])
            .Where(id => !string.Equals(id, currentApplicationId, StringComparison.Ordinal))
            .ToList();
        var applications = Task.WhenAll(
            others.Select(id => ApplicationCleanup.RemoveWithContentsAsync(session, id, canPurge, cancellationToken)));
        var deletedApplications = canPurge
            ? PurgeDeletedAsync(
                session,
                ResourceKind.Application,
                organizationId,
                () =>
                    client.ListOrganizationApplicationsAsync(key, organizationId, deleted: true, cancellationToken)
                        .Select(a => a.Ids.ApplicationId),
                [.. discovery.Applications ?? [], .. currentApplicationId is null ? Array.Empty<string>() : [currentApplicationId]],
                id => client.PurgeApplicationAsync(key, id, cancellationToken),
                cancellationToken)
            : Task.FromResult(new List<ResourceCleanup>());
        var keys = Task.WhenAll((discovery.Keys ?? []).Select(async apiKey =>
        {
            var keyId = apiKey.Id!;
            var removed = await session.DeleteAsync(
                ResourceKind.OrganizationApiKey,
                keyId,
                () => client.DeleteOrganizationApiKeyAsync(key, organizationId, keyId, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            return isOurs(apiKey.Name) || removed.Reason is not null
                ? removed
                : new ResourceCleanup(removed.Kind, removed.Id, removed.Status, removed.Purged, CleanupSession.CreatedOutside(apiKey.Name));
        }));
        var gateways = Task.WhenAll((discovery.Gateways ?? []).Select(gatewayId => session.RemoveEntityAsync(
            ResourceKind.Gateway,
            gatewayId,
            canPurge,
            () => client.DeleteGatewayAsync(key, gatewayId, cancellationToken),
            () => client.PurgeGatewayAsync(key, gatewayId, cancellationToken),
            () => client.GetGatewayAsync(key, gatewayId, cancellationToken),
            cancellationToken)));

        // Gateways an earlier run deleted but could not purge are listed only as deleted ones.
        var deletedGateways = canPurge
            ? PurgeDeletedAsync(
                session,
                ResourceKind.Gateway,
                organizationId,
                () => client.ListDeletedGatewaysAsync(key, organizationId, cancellationToken).Select(g => g.Ids.GatewayId),
                discovery.Gateways ?? [],
                id => client.PurgeGatewayAsync(key, id, cancellationToken),
                cancellationToken)
            : Task.FromResult(new List<ResourceCleanup>());
        await Task.WhenAll(applications, deletedApplications, keys, gateways, deletedGateways).ConfigureAwait(false);

        return
        [
            .. (await applications.ConfigureAwait(false)).SelectMany(entries => entries),
            .. await deletedApplications.ConfigureAwait(false),
            .. await keys.ConfigureAwait(false),
            .. await gateways.ConfigureAwait(false),
            .. await deletedGateways.ConfigureAwait(false),
            .. discovery.ListFailures,
        ];
    }

    /// <summary>
    /// Deletes (and purges) the organization once everything in it is gone; otherwise keeps it, so its id does not stay
    /// taken by a half-cleaned tenant and a re-run can reach what is left. An organization an earlier run deleted is purged.
    /// </summary>
    public static Task<ResourceCleanup> RemoveAsync(
        CleanupSession session, Discovery discovery, bool contentsGone, bool canPurge, CancellationToken cancellationToken)
    {
        var (client, key, organizationId) = (session.Client, session.AdminKey, discovery.OrganizationId);
        if (!discovery.Exists)
        {
            return session.RemoveEntityAsync(
                ResourceKind.Organization,
                organizationId,
                canPurge,
                delete: null,
                () => client.PurgeOrganizationAsync(key, organizationId, cancellationToken),
                exists: null,
                cancellationToken);
        }

        if (!contentsGone)
        {
            return Task.FromResult(session.Kept(ResourceKind.Organization, organizationId));
        }

        return session.RemoveEntityAsync(
            ResourceKind.Organization,
            organizationId,
            canPurge,
            () => client.DeleteOrganizationAsync(key, organizationId, cancellationToken),
            () => client.PurgeOrganizationAsync(key, organizationId, cancellationToken),
            () => client.GetOrganizationAsync(key, organizationId, cancellationToken: cancellationToken),
            cancellationToken);
    }

    /// <summary>Purges the soft-deleted entities of a kind that are not among <paramref name="handled"/>.</summary>
    private static async Task<List<ResourceCleanup>> PurgeDeletedAsync(
        CleanupSession session,
        ResourceKind kind,
        string organizationId,
        Func<IAsyncEnumerable<string>> listDeleted,
        IReadOnlyCollection<string> handled,
        Func<string, Task> purge,
        CancellationToken cancellationToken)
    {
        var (deleted, failure) = await session.ListAsync(kind, $"{organizationId} (deleted)", listDeleted, cancellationToken)
            .ConfigureAwait(false);
        if (deleted is null)
        {
            return [failure!];
        }

        var purged = await Task.WhenAll(deleted.Except(handled, StringComparer.Ordinal).Select(id => session.RemoveEntityAsync(
            kind, id, canPurge: true, delete: null, () => purge(id), exists: null, cancellationToken))).ConfigureAwait(false);
        return [.. purged];
    }
}
