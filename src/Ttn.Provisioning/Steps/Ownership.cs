using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Steps;

/// <summary>
/// After a create answered 409: is the existing entity ours (from an earlier, interrupted run)? It is when the admin key
/// holds the management right on it, it carries this deployment's owner marker for this tenant (an HMAC only this
/// deployment's key ring makes), AND nobody else is a collaborator on it (someone who could make the marker still
/// must not keep access to what we adopt). No rights (403), gone (404), no marker or a stranger among the collaborators:
/// not ours. Another failure of the look-ups: the question stays open (the step fails).
/// </summary>
internal static class Ownership
{
    /// <summary>The answer: ours, not ours, or a failure of the look-ups.</summary>
    internal readonly record struct Answer(bool IsOurs, TtsFailure? Failure);

    /// <summary>How to look at one existing entity.</summary>
    /// <param name="Kind">"organization" or "application", for messages.</param>
    /// <param name="Rights">The admin key's rights on it.</param>
    /// <param name="ManagementRight">The right that makes it manageable by us.</param>
    /// <param name="Attributes">Its attributes (where the owner marker is).</param>
    /// <param name="Collaborators">Its members or collaborators.</param>
    /// <param name="IsExpected">Whether a collaborator is one this library puts there (the admin user, the tenant's organization).</param>
    internal sealed record Probe(
        string Kind,
        Func<Task<IReadOnlyList<string>>> Rights,
        string ManagementRight,
        Func<Task<IReadOnlyDictionary<string, string>?>> Attributes,
        Func<IAsyncEnumerable<Collaborator>> Collaborators,
        Func<Collaborator, bool> IsExpected);

    /// <summary>
    /// What a create's answer means for its step: done when it succeeded or when the existing entity is ours; failed when
    /// the create failed for another reason (or the look-ups did); null when the id is someone else's or reserved, which
    /// the step resolves its own way.
    /// </summary>
    public static async Task<StepOutcome?> AdoptAsync<T>(
        StepContext context, TtsResult<T> created, Probe probe, CancellationToken cancellationToken)
    {
        if (created.Succeeded)
        {
            return StepOutcome.Done();
        }

        if (!created.Failure.IsAlreadyExists && !created.Failure.IsForbiddenId)
        {
            return StepOutcome.Failed(created.Failure);
        }

        if (created.Failure.IsForbiddenId)
        {
            return null;
        }

        var ownership = await CheckAsync(context, probe, cancellationToken).ConfigureAwait(false);
        return ownership switch
        {
            { Failure: { } probeFailed } => StepOutcome.Failed(probeFailed),
            { IsOurs: true } => StepOutcome.Done(),
            _ => null,
        };
    }

    public static async Task<Answer> CheckAsync(StepContext context, Probe probe, CancellationToken cancellationToken)
    {
        var operation = context.Operation;
        var granted = await operation.CallAsync($"Checking rights on the existing {probe.Kind}", probe.Rights, cancellationToken)
            .ConfigureAwait(false);
        if (!granted.Succeeded)
        {
            return NotOursOr(granted.Failure);
        }

        if (!PermissionReport.FromRights(granted.Value).Has(probe.ManagementRight))
        {
            return new Answer(false, null);
        }

        var marks = await operation.CallAsync($"Reading the existing {probe.Kind}'s owner", probe.Attributes, cancellationToken)
            .ConfigureAwait(false);
        if (!marks.Succeeded)
        {
            return NotOursOr(marks.Failure);
        }

        if (!context.Services.Conventions.CarriesOwnerMarker(marks.Value, context.TenantId))
        {
            return new Answer(false, null);
        }

        var members = await operation.ListAsync(
            $"Listing the existing {probe.Kind}'s collaborators", probe.Collaborators, cancellationToken)
            .ConfigureAwait(false);
        if (!members.Succeeded)
        {
            return NotOursOr(members.Failure);
        }

        if (members.Value.FirstOrDefault(m => !probe.IsExpected(m)) is { } stranger)
        {
            Log.StrangerCollaborator(context.Services.Logger, context.TenantId, probe.Kind, stranger.Ids.Describe());
            return new Answer(false, null);
        }

        return new Answer(true, null);
    }

    private static Answer NotOursOr(TtsFailure failure) =>
        failure.IsNotFound || failure.IsPermissionDenied ? new Answer(false, null) : new Answer(false, failure);
}
