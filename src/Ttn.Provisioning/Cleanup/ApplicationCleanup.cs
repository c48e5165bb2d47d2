using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Cleanup;

/// <summary>
/// Removes an application and everything in it, in the order TTS needs: its end devices (each from the Application,
/// Network and Join Server, then the registry), its webhooks (TTS does not remove them with the application) and its
/// API keys, all together; then the application itself, purged when the key may purge.
/// </summary>
internal static class ApplicationCleanup
{
    /// <summary>How many end devices are removed at the same time.</summary>
    private const int DeviceConcurrency = 8;

    private static readonly EndDeviceComponent[] RemovalOrder =
    [
        EndDeviceComponent.ApplicationServer,
        EndDeviceComponent.NetworkServer,
        EndDeviceComponent.JoinServer,
        EndDeviceComponent.IdentityServer,
    ];

    /// <summary>What is in an application, listed (null where the listing failed and was reported).</summary>
    internal sealed record Contents(
        IReadOnlyList<string>? Devices,
        IReadOnlyList<string>? Webhooks,
        IReadOnlyList<string>? Keys,
        IReadOnlyList<ResourceCleanup> ListFailures);

    /// <summary>Lists what is in an application: its devices, webhooks and API keys, together.</summary>
    public static async Task<Contents> ListAsync(CleanupSession session, string applicationId, CancellationToken cancellationToken)
    {
        var (client, key) = (session.Client, session.AdminKey);
        var devices = session.ListAsync(
            ResourceKind.EndDevice,
            applicationId,
            () => client.ListEndDevicesAsync(key, applicationId, cancellationToken: cancellationToken),
            cancellationToken);
        var webhooks = session.ListAsync(
            ResourceKind.Webhook,
            applicationId,
            () => ListWebhooksAsync(client, session.Cluster, key, applicationId, cancellationToken),
            cancellationToken);
        var keys = session.ListAsync(
            ResourceKind.ApplicationApiKey,
            "(list)",
            () => client.ListApplicationApiKeysAsync(key, applicationId, cancellationToken),
            cancellationToken);
        await Task.WhenAll(devices, webhooks, keys).ConfigureAwait(false);
        var (d, w, k) = (await devices.ConfigureAwait(false), await webhooks.ConfigureAwait(false), await keys.ConfigureAwait(false));
        return new Contents(
            d.Items?.Select(x => x.Ids.DeviceId).ToList(),
            w.Items?.Select(x => x.Ids.WebhookId).ToList(),
            k.Items?.Where(x => x.Id is not null).Select(x => x.Id!).ToList(),
            [.. new[] { d.Failure, w.Failure, k.Failure }.OfType<ResourceCleanup>()]);
    }

    /// <summary>Removes what <paramref name="contents"/> lists, together; answers the entries in report order.</summary>
    public static async Task<List<ResourceCleanup>> EmptyAsync(
        CleanupSession session, string applicationId, Contents contents, CancellationToken cancellationToken)
    {
        var (client, key) = (session.Client, session.AdminKey);
        var devices = RemoveDevicesAsync(session, applicationId, contents.Devices ?? [], cancellationToken);
        var webhooks = Task.WhenAll((contents.Webhooks ?? []).Select(webhookId => session.DeleteAsync(
            ResourceKind.Webhook,
            $"{applicationId}/{webhookId}",
            () => client.DeleteWebhookAsync(session.Cluster, key, applicationId, webhookId, cancellationToken),
            cancellationToken)));
        var keys = Task.WhenAll((contents.Keys ?? []).Select(keyId => session.DeleteAsync(
            ResourceKind.ApplicationApiKey, keyId, () => client.DeleteApplicationApiKeyAsync(
                key, applicationId, keyId, cancellationToken), cancellationToken)));
        await Task.WhenAll(devices, webhooks, keys).ConfigureAwait(false);
        return [
            .. await devices.ConfigureAwait(false),
            .. await webhooks.ConfigureAwait(false),
            .. await keys.ConfigureAwait(false),
            .. contents.ListFailures];
    }

    /// <summary>
    /// Deletes (and purges) the application once what it held is gone; otherwise keeps it, so a re-run can reach what is left.
    /// </summary>
    public static Task<ResourceCleanup> RemoveAsync(
        CleanupSession session, string applicationId, bool contentsGone, bool canPurge, CancellationToken cancellationToken)
    {
        if (!contentsGone)
        {
            return Task.FromResult(session.Kept(ResourceKind.Application, applicationId));
        }

        var (client, key) = (session.Client, session.AdminKey);
        return session.RemoveEntityAsync(
            ResourceKind.Application,
            applicationId,
            canPurge,
            () => client.DeleteApplicationAsync(key, applicationId, cancellationToken),
            () => client.PurgeApplicationAsync(key, applicationId, cancellationToken),
            () => client.GetApplicationAsync(key, applicationId, cancellationToken: cancellationToken),
            cancellationToken);
    }

    /// <summary>Lists, empties and removes an application: everything for one application of the tenant's organization.</summary>
    public static async Task<List<ResourceCleanup>> RemoveWithContentsAsync(
        CleanupSession session, string applicationId, bool canPurge, CancellationToken cancellationToken)
    {
        var contents = await ListAsync(session, applicationId, cancellationToken).ConfigureAwait(false);
        var entries = await EmptyAsync(session, applicationId, contents, cancellationToken).ConfigureAwait(false);
        entries.Add(
            await RemoveAsync(session, applicationId, CleanupSession.AllGone(entries), canPurge, cancellationToken).ConfigureAwait(false));
        return entries;
    }

    /// <summary>
    /// Each device: the data planes first, the registry last (the registry entry is what lets us find the device again).
    /// A registry that does not hold the device has nothing to delete. Devices go a few at a time.
    /// </summary>
    private static async Task<ResourceCleanup[]> RemoveDevicesAsync(
        CleanupSession session, string applicationId, IReadOnlyList<string> deviceIds, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(DeviceConcurrency);
        return await Task.WhenAll(deviceIds.Select(async deviceId =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await RemoveDeviceAsync(session, applicationId, deviceId, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
    }

    private static async Task<ResourceCleanup> RemoveDeviceAsync(
        CleanupSession session, string applicationId, string deviceId, CancellationToken cancellationToken)
    {
        var (client, key) = (session.Client, session.AdminKey);
        foreach (var component in RemovalOrder)
        {
            var failure = await session.Operation.CallAsync(
                $"Deleting end device {deviceId}",
                () => client.DeleteEndDeviceAsync(session.Cluster, key, component, applicationId, deviceId, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            if (failure is { IsGone: false })
            {
                return session.Record(new ResourceCleanup(
                    ResourceKind.EndDevice,
                    $"{applicationId}/{deviceId}",
                    CleanupStatus.Failed,
                    reason: $"{component}: {failure.Message}"));
            }
        }

        return session.Record(new ResourceCleanup(ResourceKind.EndDevice, $"{applicationId}/{deviceId}", CleanupStatus.Deleted));
    }

    private static async IAsyncEnumerable<Webhook> ListWebhooksAsync(
        IThingsStackClient client,
        string cluster,
        string key,
        string applicationId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var webhooks = await client.ListWebhooksAsync(cluster, key, applicationId, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        foreach (var webhook in webhooks)
        {
            yield return webhook;
        }
    }
}
