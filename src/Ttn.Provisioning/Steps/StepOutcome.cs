using System.Diagnostics.CodeAnalysis;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Steps;

/// <summary>How a step ended: done (with its record change), or failed (with why, and a change to keep even so).</summary>
internal sealed class StepOutcome
{
    private StepOutcome(Func<TenantRecord, TenantRecord>? change, TtsFailure? failure, bool requiresStartFresh, Func<Task>? undo)
    {
        Change = change;
        Failure = failure;
        RequiresStartFresh = requiresStartFresh;
        UndoIfUnrecorded = undo;
    }

    /// <summary>The record change to write (a transition), if any.</summary>
    public Func<TenantRecord, TenantRecord>? Change { get; }

    /// <summary>Why the step failed; null when it is done.</summary>
    public TtsFailure? Failure { get; }

    /// <summary>Whether only a start fresh can get past this failure.</summary>
    public bool RequiresStartFresh { get; }

    /// <summary>
    /// Undoes on TTS what the step did (revokes a key it created) when its outcome cannot be written because another run
    /// took the lease over: that run would not know of it.
    /// </summary>
    public Func<Task>? UndoIfUnrecorded { get; }

    /// <summary>Whether the step is done.</summary>
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsDone => Failure is null;

    /// <summary>The step is done; <paramref name="change"/> records what it produced.</summary>
    public static StepOutcome Done(Func<TenantRecord, TenantRecord>? change = null, Func<Task>? undoIfUnrecorded = null) =>
        new(change, null, requiresStartFresh: false, undoIfUnrecorded);

    /// <summary>The step failed; <paramref name="change"/> is written even so (for example, forgetting a refused key).</summary>
    public static StepOutcome Failed(
        TtsFailure failure, bool requiresStartFresh = false, Func<TenantRecord, TenantRecord>? change = null) =>
        new(change, failure, requiresStartFresh, undo: null);
}

/// <summary>How a pipeline run ended.</summary>
/// <param name="Error">The failure of the first step that failed; null when every step is done.</param>
/// <param name="RequiresStartFresh">Whether only a start fresh can get past the failure.</param>
/// <param name="Warnings">Optional steps that failed without failing the run, in words.</param>
internal sealed record PipelineOutcome(TenantError? Error, bool RequiresStartFresh, IReadOnlyList<string> Warnings)
{
    public bool Succeeded => Error is null;
}
