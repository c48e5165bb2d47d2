using Microsoft.Extensions.Logging;
using Ttn.Provisioning.Operations;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Cleanup;

/// <summary>
/// The actions a clean-up is made of: delete, purge, look up, list. Each answers what happened to its resource as a
/// <see cref="ResourceCleanup"/> (Deleted, AlreadyGone, Failed with the reason, Skipped); a failure never stops the others.
/// </summary>
internal sealed class CleanupSession
{
    private readonly ILogger _logger;

    public CleanupSession(OperationContext operation, IThingsStackClient client, string adminKey, string cluster, ILogger logger)
    {
        Operation = operation;
        Client = client;
        AdminKey = adminKey;
        Cluster = cluster;
        _logger = logger;
    }

    /// <summary>The running operation (calls, lease).</summary>
    public OperationContext Operation { get; }

    /// <summary>The Things Stack client.</summary>
    public IThingsStackClient Client { get; }

    /// <summary>The admin key the clean-up acts with.</summary>
    public string AdminKey { get; }

    /// <summary>The cluster whose servers hold the tenant's webhook and devices (the record's, as it was).</summary>
    public string Cluster { get; }

    /// <summary>Deletes one resource. A 404 (or no rights on it at all) means it is already gone.</summary>
    public async Task<ResourceCleanup> DeleteAsync(ResourceKind kind, string id, Func<Task> delete, CancellationToken cancellationToken)
    {
        var failure = await Operation.CallAsync($"Deleting {Describe(kind)} {id}", delete, cancellationToken).ConfigureAwait(false);
        return Record(failure switch
        {
            null => new ResourceCleanup(kind, id, CleanupStatus.Deleted),
            { IsGone: true } => new ResourceCleanup(kind, id, CleanupStatus.AlreadyGone),
            _ => new ResourceCleanup(kind, id, CleanupStatus.Failed, reason: failure.Message),
        });
    }

    /// <summary>
    /// Deletes an entity TTS soft-deletes (<paramref name="delete"/> null: it is deleted already), then purges it when the
    /// key may purge (so its id is released). A delete whose answer was lost counts when <paramref name="exists"/> shows
    /// the entity gone; a purge that fails leaves the entity Failed, so a re-run purges it.
    /// </summary>
    public async Task<ResourceCleanup> RemoveEntityAsync(
        ResourceKind kind,
        string id,
        bool canPurge,
        Func<Task>? delete,
        Func<Task> purge,
        Func<Task>? exists,
        CancellationToken cancellationToken)
    {
        var status = delete is null ? CleanupStatus.AlreadyGone : CleanupStatus.Deleted;
        if (delete is not null
            && await Operation.CallAsync($"Deleting {Describe(kind)} {id}", delete, cancellationToken).ConfigureAwait(false) is { } failure)
        {
            if (failure.IsGone)
            {
                status = CleanupStatus.AlreadyGone;
            }
            else if (exists is null || await ExistsAsync(kind, id, exists, cancellationToken).ConfigureAwait(false))
            {
                return Record(new ResourceCleanup(kind, id, CleanupStatus.Failed, reason: failure.Message));
            }
        }

        if (!canPurge)
        {
            return Record(new ResourceCleanup(kind, id, status));
        }

        // A purge answered "not found" found not even a deleted entity: an earlier purge's answer was lost; the id is free.
        var purgeFailure = await Operation.CallAsync($"Purging {Describe(kind)} {id}", purge, cancellationToken).ConfigureAwait(false);
        return Record(purgeFailure is null or { IsGone: true }
            ? new ResourceCleanup(kind, id, status, purged: true)
            : new ResourceCleanup(
                kind, id, CleanupStatus.Failed, purged: false, reason: $"Deleted, but not purged: {purgeFailure.Message}"));
    }

    /// <summary>
    /// Whether a registry entity is still there (not deleted). A soft-deleted entity answers 403 to almost every call, as
    /// one of another account would, but 404 to a GET without field mask: so a re-run can tell "deleted by the earlier
    /// run" from "not ours". When the answer says neither, it is assumed to be there, and the deletes report what fails.
    /// </summary>
    public async Task<bool> ExistsAsync(ResourceKind kind, string id, Func<Task> get, CancellationToken cancellationToken)
    {
        var failure = await Operation.CallAsync($"Looking up {Describe(kind)} {id}", get, cancellationToken).ConfigureAwait(false);
        return failure is not { IsNotFound: true };
    }

    /// <summary>
    /// Lists the resources of a kind. A listing refused because the container is gone is empty; another failure is
    /// reported against <paramref name="scope"/> and answers null (what it would have listed cannot be removed).
    /// </summary>
    public async Task<(IReadOnlyList<T>? Items, ResourceCleanup? Failure)> ListAsync<T>(
        ResourceKind kind, string scope, Func<IAsyncEnumerable<T>> list, CancellationToken cancellationToken)
    {
        var listed = await Operation.ListAsync($"Listing {Describe(kind)}s", list, cancellationToken).ConfigureAwait(false);
        if (listed.Succeeded)
        {
            return (listed.Value, null);
        }

        return listed.Failure.IsGone
            ? ([], null)
            : (null, Record(new ResourceCleanup(kind, scope, CleanupStatus.Failed, reason: listed.Failure.Message)));
    }

    /// <summary>A resource left alone on purpose.</summary>
    public ResourceCleanup Skip(ResourceKind kind, string id, string reason) =>
        Record(new ResourceCleanup(kind, id, CleanupStatus.Skipped, reason: reason));

    /// <summary>A resource kept because what it holds could not be removed.</summary>
    public ResourceCleanup Kept(ResourceKind kind, string id) =>
        Record(new ResourceCleanup(kind, id, CleanupStatus.Failed, reason: "Kept: resources inside it could not be removed."));

    /// <summary>What a report says of an API key the library did not create (its name is not secret).</summary>
    public static string CreatedOutside(string? keyName) =>
        $"Created outside the library (named '{keyName ?? "(no name)"}'), for example with the organization key.";

    /// <summary>Logs what happened to a resource and returns it.</summary>
    public ResourceCleanup Record(ResourceCleanup cleanup)
    {
        Log.ResourceCleaned(_logger, Operation.TenantId, cleanup.Kind, cleanup.Id, cleanup.Status, cleanup.Reason);
        return cleanup;
    }

    /// <summary>Whether every entry says its resource is gone (or skipped on purpose).</summary>
    public static bool AllGone(IEnumerable<ResourceCleanup> entries) => entries.All(e => e.Status != CleanupStatus.Failed);

    private static string Describe(ResourceKind kind) => kind switch
    {
        ResourceKind.EndDevice => "end device",
        ResourceKind.ApplicationApiKey => "application API key",
        ResourceKind.OrganizationApiKey => "organization API key",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
