using System.Runtime.ExceptionServices;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tenancy;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Steps;

/// <summary>
/// Runs pipeline steps in waves: every step whose dependencies are done runs together with the others of its wave. One
/// store write before a wave (what its steps prepare, which key steps are pending) and one after it (every outcome,
/// failed siblings' included), so a key TTS showed once is kept even when its sibling failed. A new tenant costs four
/// waves: preflight → organization → (organization key ∥ application) → (application key ∥ webhook ∥ gateway key).
/// </summary>
internal static class StepScheduler
{
    /// <summary>
    /// Runs every step not yet done; stops after the first wave with a failed (not optional) step, and reports the failure
    /// of the earliest step of that wave in pipeline order.
    /// </summary>
    public static async Task<PipelineOutcome> RunAsync(
        IReadOnlyList<PipelineStep> steps, StepContext context, CancellationToken cancellationToken)
    {
        var attempted = ProvisioningStep.None;
        var completed = ProvisioningStep.None;
        var warnings = new List<string>();
        while (true)
        {
            var record = context.Record;
            var done = record.Checkpoints | completed;
            var wave = steps
                .Where(s => (attempted & s.Step) == 0 && (record.Checkpoints & s.Step) == 0 && (done & s.DependsOn) == s.DependsOn)
                .OrderBy(s => s.Step)
                .ToList();
            if (wave.Count == 0)
            {
                EnsureEveryRequiredStepRan(steps, done);
                return new PipelineOutcome(null, false, warnings);
            }

            if (wave.Any(s => s.UsesOrganizationKey)
                && await OpenOrganizationKeyAsync(context, cancellationToken).ConfigureAwait(false) is { } lost)
            {
                return lost;
            }

            await BeginWaveAsync(wave, context, cancellationToken).ConfigureAwait(false);
            var outcomes = await RunWaveAsync(wave, context, cancellationToken).ConfigureAwait(false);

            PipelineOutcome? failure = null;
            foreach (var (step, outcome) in wave.Zip(outcomes))
            {
                attempted |= step.Step;
                if (outcome.IsDone)
                {
                    completed |= step.Step;
                    Log.StepCompleted(context.Services.Logger, context.TenantId, step.Step);
                }
                else if (step.IsOptional)
                {
                    completed |= outcome.Failure.IsTransient ? ProvisioningStep.None : step.Step;
                    Log.OptionalStepFailed(context.Services.Logger, context.TenantId, step.Step, outcome.Failure.Message);
                    warnings.Add($"{Describe(step.Step)} not created: {outcome.Failure.Message}");
                }
                else
                {
                    failure ??= new PipelineOutcome(
                        outcome.Failure.ToError(step.Step, context.Operation.Now), outcome.RequiresStartFresh, warnings);
                }
            }

            if (failure is not null)
            {
                return failure;
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The one write before a wave: its current step, its pending key steps, and what each step prepares.</summary>
    private static async Task BeginWaveAsync(List<PipelineStep> wave, StepContext context, CancellationToken cancellationToken)
    {
        var steps = wave.Aggregate(ProvisioningStep.None, (set, s) => set | s.Step);
        var before = context.Record;
        context.PendingBeforeWave = before.PendingSteps;
        var prepared = wave.Aggregate(TenantTransitions.BeginSteps(before, steps), (record, step) => step.Prepare(record, context));
        if (prepared != before)
        {
            await context.Operation.LeasedRun.SaveAsync(_ => prepared, cancellationToken).ConfigureAwait(false);
        }

        foreach (var step in wave)
        {
            Log.StepStarted(context.Services.Logger, context.TenantId, step.Step);
        }
    }

    /// <summary>
    /// Runs the wave's steps together and writes every outcome in one write, even when one of them threw (the caller
    /// cancelled): only then is the exception passed on. When the write is refused because another run took the lease,
    /// what the steps created is undone, since that run will not know of it.
    /// </summary>
    private static async Task<StepOutcome[]> RunWaveAsync(List<PipelineStep> wave, StepContext context, CancellationToken cancellationToken)
    {
        var tasks = wave.Select(s => s.RunAsync(context, cancellationToken)).ToArray();
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (Exception) when (tasks.Any(t => t.IsCompletedSuccessfully))
        {
            // Handled below: the outcomes that did arrive are written first.
        }

        var outcomes = tasks
            .Select((task, i) => (Step: wave[i], Task: task))
            .Where(o => o.Task.IsCompletedSuccessfully)
            .Select(o => (o.Step, Result: WhenOrganizationKeyRefused(o.Step, o.Task.Result)))
            .ToList();
        var changes = outcomes
            .Select(o => Apply(o.Step, o.Result))
            .Where(change => change is not null)
            .Select(change => change!)
            .ToList();
        if (changes.Count > 0)
        {
            try
            {
                await context.Operation.LeasedRun.SaveAsync(
                    r => changes.Aggregate(r, (record, change) => change(record)), CancellationToken.None)
                    .ConfigureAwait(false);
            }
            catch (LeaseLostException)
            {
                await UndoAsync(outcomes.Select(o => o.Result)).ConfigureAwait(false);
                throw;
            }
        }

        if (tasks.FirstOrDefault(t => !t.IsCompletedSuccessfully) is { } thrown)
        {
            ExceptionDispatchInfo.Capture(thrown.Exception?.InnerException ?? new OperationCanceledException(cancellationToken)).Throw();
        }

        return [.. outcomes.Select(o => o.Result)];
    }

    /// <summary>The record change of a step's outcome: its own change, then its checkpoint when it is done.</summary>
    private static Func<TenantRecord, TenantRecord>? Apply(PipelineStep step, StepOutcome outcome)
    {
        var checkpoint = step.IsCheckpointed && (outcome.IsDone || (step.IsOptional && !outcome.Failure!.IsTransient));
        if (outcome.Change is null && !checkpoint)
        {
            return null;
        }

        return record =>
        {
            var changed = outcome.Change?.Invoke(record) ?? record;
            return checkpoint ? TenantTransitions.CompleteStep(changed, step.Step) : changed;
        };
    }

    /// <summary>
    /// Opens the organization key for a wave that uses it. A key that cannot be opened is as good as lost: it is
    /// forgotten, so that the next run revokes it by name and creates a new one.
    /// </summary>
    private static async Task<PipelineOutcome?> OpenOrganizationKeyAsync(StepContext context, CancellationToken cancellationToken)
    {
        var opened = context.Services.Vault.OpenOrganizationKey(context.Record);
        if (opened.TryGetValue(out var key))
        {
            context.OrganizationKey = key;
            return null;
        }

        Operations.Log.SecretUnreadable(
            context.Services.Logger, context.TenantId, nameof(SecretField.OrganizationApiKey), opened.ToString());
        var token = context.Record.OrganizationApiKey?.Sealed;
        if (TenantVault.MissingKeyProblem(opened, token, "organization API key") is { } configuration)
        {
            // The key works; this host cannot open it. Nothing is forgotten and nothing revoked.
            var missing = TtsFailure.Refusal(configuration);
            return new PipelineOutcome(missing.ToError(ProvisioningStep.OrganizationApiKey, context.Operation.Now), false, []);
        }

        await context.Operation.LeasedRun.SaveAsync(TenantTransitions.ForgetOrganizationKey, cancellationToken).ConfigureAwait(false);
        var failure = TtsFailure.Refusal(
            $"The stored organization API key could not be opened ({opened}); a retry replaces it.", isTransient: true);
        return new PipelineOutcome(failure.ToError(ProvisioningStep.OrganizationApiKey, context.Operation.Now), false, []);
    }

    /// <summary>
    /// A step that acted with the organization key and was refused with 401: the stored key no longer works (revoked or
    /// expired). It is forgotten, so the next run revokes what is left of it by name and creates a new one.
    /// </summary>
    private static StepOutcome WhenOrganizationKeyRefused(PipelineStep step, StepOutcome outcome) =>
        step.UsesOrganizationKey && outcome.Failure is { IsUnauthenticated: true } refused
            ? StepOutcome.Failed(
                refused.WithHint("The stored organization API key was refused; a retry replaces it.", isTransient: true),
                change: TenantTransitions.ForgetOrganizationKey)
            : outcome;

    private static async Task UndoAsync(IEnumerable<StepOutcome> outcomes)
    {
        foreach (var undo in outcomes.Select(o => o.UndoIfUnrecorded).OfType<Func<Task>>())
        {
            try
            {
                await undo().ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is ThingsStackException or HttpRequestException)
            {
                // Best effort: the run that holds the lease revokes keys of ours by name when it resumes that step.
            }
        }
    }

    private static void EnsureEveryRequiredStepRan(IReadOnlyList<PipelineStep> steps, ProvisioningStep done)
    {
        var missing = steps.Where(s => !s.IsOptional && s.IsCheckpointed && !done.HasFlag(s.Step)).Select(s => s.Step).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The pipeline could not run {string.Join(", ", missing)}: a dependency is never met.");
        }
    }

    private static string Describe(ProvisioningStep step) => step switch
    {
        ProvisioningStep.GatewayApiKey => "Gateway API key",
        _ => step.ToString(),
    };
}
