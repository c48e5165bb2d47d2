using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Steps;

/// <summary>
/// After a create answered 409: is the existing entity ours (from an earlier, interrupted run)? It is when the admin key
/// holds the management right on it AND it carries this deployment's owner marker for this tenant. No rights (403),
/// gone (404) or no marker: not ours. Another failure of the look-ups: the question stays open (the step fails).
/// </summary>
internal static class Ownership
{
    /// <summary>The answer: ours, not ours, or a failure of the look-ups.</summary>
    internal readonly record struct Answer(bool IsOurs, TtsFailure? Failure);

    /// <summary>
    /// What a create's answer means for its step: done when it succeeded or when the existing entity is ours; failed when
    /// the create failed for another reason (or the look-ups did); null when the id is someone else's or reserved, which
    /// the step resolves its own way.
    /// </summary>
    public static async Task<StepOutcome?> AdoptAsync<T>(
        StepContext context,
        TtsResult<T> created,
        string kind,
        Func<Task<IReadOnlyList<string>>> rights,
        string managementRight,
        Func<Task<IReadOnlyDictionary<string, string>?>> attributes,
        CancellationToken cancellationToken)
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

        var ownership = await CheckAsync(context, kind, rights, managementRight, attributes, cancellationToken).ConfigureAwait(false);
        return ownership switch
        {
            { Failure: { } probeFailed } => StepOutcome.Failed(probeFailed),
            { IsOurs: true } => StepOutcome.Done(),
            _ => null,
        };
    }

    public static async Task<Answer> CheckAsync(
        StepContext context,
        string kind,
        Func<Task<IReadOnlyList<string>>> rights,
        string managementRight,
        Func<Task<IReadOnlyDictionary<string, string>?>> attributes,
        CancellationToken cancellationToken)
    {
        var granted = await context.Operation.CallAsync($"Checking rights on the existing {kind}", rights, cancellationToken)
            .ConfigureAwait(false);
        if (!granted.Succeeded)
        {
            return NotOursOr(granted.Failure);
        }

        if (!PermissionReport.FromRights(granted.Value).Has(managementRight))
        {
            return new Answer(false, null);
        }

        var marks = await context.Operation.CallAsync($"Reading the existing {kind}'s owner", attributes, cancellationToken)
            .ConfigureAwait(false);
        return marks.Succeeded
            ? new Answer(context.Services.Conventions.CarriesOwnerMarker(marks.Value, context.TenantId), null)
            : NotOursOr(marks.Failure);
    }

    private static Answer NotOursOr(TtsFailure failure) =>
        failure.IsNotFound || failure.IsPermissionDenied ? new Answer(false, null) : new Answer(false, failure);
}
