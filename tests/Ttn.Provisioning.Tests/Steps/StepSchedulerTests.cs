using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Ttn.Provisioning.Operations;
using Ttn.Provisioning.Steps;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tenancy;
using Ttn.Provisioning.Tests.Provisioning;
using Ttn.Provisioning.Tests.Secrets;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Tests.Steps;

public sealed class StepSchedulerTests
{
    private const ProvisioningStep A = ProvisioningStep.Organization;
    private const ProvisioningStep B = ProvisioningStep.OrganizationApiKey;
    private const ProvisioningStep C = ProvisioningStep.Application;
    private const ProvisioningStep D = ProvisioningStep.ApplicationApiKey;

    [Fact]
    public async Task Steps_whose_dependencies_are_done_run_together()
    {
        var harness = await Harness.CreateAsync();
        var both = new Rendezvous(2);
        var steps = new[]
        {
            new ProbeStep(A, ProvisioningStep.None),
            new ProbeStep(B, A, async _ => { await both.ArriveAsync(); return StepOutcome.Done(); }),
            new ProbeStep(C, A, async _ => { await both.ArriveAsync(); return StepOutcome.Done(); }),
        };

        var outcome = await StepScheduler.RunAsync(steps, harness.Context, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal(A | B | C, harness.Run.Record.Checkpoints);
    }

    [Fact]
    public async Task A_step_runs_only_after_every_step_it_depends_on()
    {
        var harness = await Harness.CreateAsync();
        var order = new List<ProvisioningStep>();
        ProbeStep Logged(ProvisioningStep step, ProvisioningStep dependsOn) =>
            new(step, dependsOn, _ => { lock (order) { order.Add(step); } return Task.FromResult(StepOutcome.Done()); });

        await StepScheduler.RunAsync([Logged(D, B | C), Logged(C, A), Logged(B, A), Logged(A, ProvisioningStep.None)], harness.Context, CancellationToken.None);

        Assert.Equal(A, order[0]);
        Assert.Equal(D, order[^1]);
        Assert.Equal(4, order.Count);
    }

    [Fact]
    public async Task Completed_steps_are_not_run_again()
    {
        var harness = await Harness.CreateAsync(new TenantRecord { TenantId = "acme", Checkpoints = A | B });
        var ran = new List<ProvisioningStep>();
        ProbeStep Logged(ProvisioningStep step, ProvisioningStep dependsOn) =>
            new(step, dependsOn, _ => { ran.Add(step); return Task.FromResult(StepOutcome.Done()); });

        await StepScheduler.RunAsync([Logged(A, ProvisioningStep.None), Logged(B, A), Logged(C, B)], harness.Context, CancellationToken.None);

        Assert.Equal([C], ran);
    }

    [Fact]
    public async Task Each_wave_costs_one_store_write_before_and_one_after()
    {
        var harness = await Harness.CreateAsync();
        var writesBefore = harness.Store.Writes;
        var steps = new[]
        {
            new ProbeStep(A, ProvisioningStep.None),
            new ProbeStep(B, A),
            new ProbeStep(C, A),
        };

        await StepScheduler.RunAsync(steps, harness.Context, CancellationToken.None);

        Assert.Equal(4, harness.Store.Writes - writesBefore);
    }

    [Fact]
    public async Task A_failed_step_does_not_lose_what_its_sibling_produced()
    {
        var harness = await Harness.CreateAsync();
        var key = new StoredApiKey(sealedKey: "ttn1.k.org", lastFour: "ORG4", keyId: "ID");
        var steps = new[]
        {
            new ProbeStep(B, ProvisioningStep.None, _ => Task.FromResult(StepOutcome.Done(r => TenantTransitions.StoreApiKey(r, B, key, r.UpdatedAt)))),
            new ProbeStep(C, ProvisioningStep.None, _ => Task.FromResult(StepOutcome.Failed(TtsFailure.Refusal("no")))),
            new ProbeStep(D, B | C),
        };

        var outcome = await StepScheduler.RunAsync(steps, harness.Context, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal(C, outcome.Error!.Step);
        Assert.Same(key, harness.Run.Record.OrganizationApiKey);
        Assert.Equal(B, harness.Run.Record.Checkpoints);
        Assert.Equal(0, steps[2].Calls);
    }

    [Fact]
    public async Task The_failure_reported_is_the_earliest_step_of_the_wave()
    {
        var harness = await Harness.CreateAsync();
        var steps = new[]
        {
            new ProbeStep(D, ProvisioningStep.None, _ => Task.FromResult(StepOutcome.Failed(TtsFailure.Refusal("later")))),
            new ProbeStep(B, ProvisioningStep.None, _ => Task.FromResult(StepOutcome.Failed(TtsFailure.Refusal("earlier"), requiresStartFresh: true))),
        };

        var outcome = await StepScheduler.RunAsync(steps, harness.Context, CancellationToken.None);

        Assert.Equal("earlier", outcome.Error!.Message);
        Assert.Equal(B, outcome.Error.Step);
        Assert.True(outcome.RequiresStartFresh);
    }

    [Fact]
    public async Task An_optional_step_that_fails_transiently_is_a_warning_and_stays_to_do()
    {
        var harness = await Harness.CreateAsync();
        var steps = new[] { new ProbeStep(ProvisioningStep.GatewayApiKey, ProvisioningStep.None, Fail(transient: true), optional: true) };

        var outcome = await StepScheduler.RunAsync(steps, harness.Context, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Contains("Gateway API key not created", Assert.Single(outcome.Warnings), StringComparison.Ordinal);
        Assert.False(harness.Run.Record.Checkpoints.HasFlag(ProvisioningStep.GatewayApiKey));
        Assert.True(harness.Run.Record.PendingSteps.HasFlag(ProvisioningStep.GatewayApiKey));
    }

    [Fact]
    public async Task An_optional_step_refused_for_good_is_a_warning_and_counts_as_done()
    {
        var harness = await Harness.CreateAsync();
        var steps = new[] { new ProbeStep(ProvisioningStep.GatewayApiKey, ProvisioningStep.None, Fail(transient: false), optional: true) };

        var outcome = await StepScheduler.RunAsync(steps, harness.Context, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Single(outcome.Warnings);
        Assert.True(harness.Run.Record.Checkpoints.HasFlag(ProvisioningStep.GatewayApiKey));
        Assert.False(harness.Run.Record.PendingSteps.HasFlag(ProvisioningStep.GatewayApiKey));
    }

    [Fact]
    public async Task When_a_step_throws_its_siblings_outcomes_are_written_before_the_exception_passes()
    {
        var harness = await Harness.CreateAsync();
        var key = new StoredApiKey(sealedKey: "ttn1.k.org", lastFour: "ORG4", keyId: "ID");
        var steps = new[]
        {
            new ProbeStep(B, ProvisioningStep.None, _ => Task.FromResult(StepOutcome.Done(r => TenantTransitions.StoreApiKey(r, B, key, r.UpdatedAt)))),
            new ProbeStep(C, ProvisioningStep.None, _ => Task.FromException<StepOutcome>(new OperationCanceledException())),
        };

        await Assert.ThrowsAsync<OperationCanceledException>(() => StepScheduler.RunAsync(steps, harness.Context, CancellationToken.None));

        Assert.Same(key, (await harness.Store.GetAsync("acme"))!.OrganizationApiKey);
    }

    [Fact]
    public async Task What_a_wave_created_is_undone_when_another_run_took_the_lease()
    {
        var harness = await Harness.CreateAsync();
        var undone = false;
        var steps = new[]
        {
            new ProbeStep(B, ProvisioningStep.None, async _ =>
            {
                // Another host takes the tenant over while this step waits on TTS.
                var current = (await harness.Store.GetAsync("acme"))!;
                await harness.Store.TryWriteAsync(current with { Lease = new TenantLease("other", current.UpdatedAt, current.UpdatedAt.AddMinutes(2)) });
                return StepOutcome.Done(r => r with { TtsUserId = "mine" }, () => { undone = true; return Task.CompletedTask; });
            }),
        };

        await Assert.ThrowsAsync<LeaseLostException>(() => StepScheduler.RunAsync(steps, harness.Context, CancellationToken.None));

        Assert.True(undone);
        Assert.Equal("other", (await harness.Store.GetAsync("acme"))!.Lease?.Holder);
    }

    [Fact]
    public async Task An_unreadable_organization_key_is_forgotten_and_no_step_that_needs_it_runs()
    {
        var harness = await Harness.CreateAsync(new TenantRecord
        {
            TenantId = "acme",
            Checkpoints = B,
            OrganizationApiKey = new StoredApiKey(sealedKey: "ttn1.k1.AAAA", lastFour: "AAAA", keyId: "ID"),
        });
        var step = new ProbeStep(D, B, usesOrganizationKey: true);

        var outcome = await StepScheduler.RunAsync([step], harness.Context, CancellationToken.None);

        Assert.Equal(B, outcome.Error!.Step);
        Assert.True(outcome.Error.IsTransient);
        Assert.Equal(0, step.Calls);
        Assert.Null(harness.Run.Record.OrganizationApiKey);
        Assert.True(harness.Run.Record.PendingSteps.HasFlag(B));
    }

    [Fact]
    public async Task An_organization_key_sealed_under_a_key_this_host_lacks_is_kept_and_named_as_a_configuration_problem()
    {
        var harness = await Harness.CreateAsync(new TenantRecord
        {
            TenantId = "acme",
            Checkpoints = B,
            OrganizationApiKey = new StoredApiKey(sealedKey: "ttn1.elsewhere.AAAA", lastFour: "AAAA", keyId: "ID"),
        });
        var step = new ProbeStep(D, B, usesOrganizationKey: true);

        var outcome = await StepScheduler.RunAsync([step], harness.Context, CancellationToken.None);

        Assert.Contains("'elsewhere'", outcome.Error!.Message, StringComparison.Ordinal);
        Assert.False(outcome.Error.IsTransient);
        Assert.Equal(0, step.Calls);
        Assert.Equal("ttn1.elsewhere.AAAA", harness.Run.Record.OrganizationApiKey?.Sealed);
    }

    [Fact]
    public async Task A_step_that_is_not_checkpointed_is_never_recorded_as_done()
    {
        var harness = await Harness.CreateAsync();
        var preflight = new ProbeStep(ProvisioningStep.Preflight, ProvisioningStep.None, checkpointed: false);

        await StepScheduler.RunAsync([preflight, new ProbeStep(A, ProvisioningStep.Preflight)], harness.Context, CancellationToken.None);

        Assert.Equal(A, harness.Run.Record.Checkpoints);
        Assert.Equal(1, preflight.Calls);
    }

    [Fact]
    public async Task A_dependency_that_is_never_met_is_a_bug_not_a_success()
    {
        var harness = await Harness.CreateAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StepScheduler.RunAsync([new ProbeStep(C, ProvisioningStep.Webhook)], harness.Context, CancellationToken.None));
    }

    private static Func<StepContext, Task<StepOutcome>> Fail(bool transient) =>
        _ => Task.FromResult(StepOutcome.Failed(TtsFailure.Refusal("refused", transient)));

    /// <summary>A step that records its calls and does what the test says.</summary>
    private sealed class ProbeStep(
        ProvisioningStep step,
        ProvisioningStep dependsOn,
        Func<StepContext, Task<StepOutcome>>? run = null,
        bool optional = false,
        bool checkpointed = true,
        bool usesOrganizationKey = false) : PipelineStep
    {
        private int _calls;

        public int Calls => _calls;

        public override ProvisioningStep Step => step;

        public override ProvisioningStep DependsOn => dependsOn;

        public override bool IsOptional => optional;

        public override bool IsCheckpointed => checkpointed;

        public override bool UsesOrganizationKey => usesOrganizationKey;

        public override Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return run?.Invoke(context) ?? Task.FromResult(StepOutcome.Done());
        }
    }

    /// <summary>Lets steps through only once <c>count</c> of them have arrived: they can only pass if they run together.</summary>
    private sealed class Rendezvous(int count)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public Task ArriveAsync()
        {
            if (Interlocked.Increment(ref _arrived) == count)
            {
                _all.SetResult();
            }

            // A guard, not a timing assertion: steps run one after the other would otherwise wait here for ever.
            return _all.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>A leased run of tenant "acme" on an in-memory store that counts writes.</summary>
    private sealed class Harness
    {
        private Harness(CrashingStore store, TenantRun run, StepContext context)
        {
            Store = store;
            Run = run;
            Context = context;
        }

        public CrashingStore Store { get; }

        public TenantRun Run { get; }

        public StepContext Context { get; }

        public static async Task<Harness> CreateAsync(TenantRecord? record = null)
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
            var store = new CrashingStore(new InMemoryCredentialStore());
            var policy = new LeasePolicy(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(75));
            var (run, _, _) = await TenantRun.AcquireAsync(store, time, policy, "acme", _ => record ?? new TenantRecord { TenantId = "acme" }, CancellationToken.None);
            var options = new TtnProvisioningOptions { WebhookBaseUrl = new Uri("https://saas.example.com/ttn/webhook") };
            var services = new StepServices(
                Client: null!, new TenantConventions(options), new TenantVault(SecretTestData.Protector("k1")), options, NullLogger.Instance);
            var caller = new ProvisioningCaller("acme", "user", Ttn.Provisioning.Authorization.TenantRole.Owner);
            var operation = new OperationContext(caller, time, TtsRequestCounter.Start(), run, null, "admin-key");
            return new Harness(store, run!, new StepContext(operation, services));
        }
    }
}
