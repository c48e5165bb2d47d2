using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Tests.Storage;

public sealed class TenantTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static readonly StoredApiKey OrganizationKey = new("ttn1.k.org", "ORG4", "ORGID");
    private static readonly StoredApiKey ApplicationKey = new("ttn1.k.app", "APP4", "APPID");

    private static TenantRecord Ready() => new()
    {
        TenantId = "acme",
        State = ProvisioningState.Ready,
        Checkpoints = ProvisioningStep.Organization | ProvisioningStep.OrganizationApiKey | ProvisioningStep.Application
            | ProvisioningStep.ApplicationApiKey | ProvisioningStep.Webhook,
        OrganizationId = "tp-acme",
        ApplicationId = "tp-app-acme",
        WebhookId = "ttn-provisioning",
        WebhookUrl = "https://saas.example.com/ttn/webhook/acme",
        OrganizationApiKey = OrganizationKey,
        ApplicationApiKey = ApplicationKey,
        WebhookSecret = new WebhookSecretSet(
            sealedSecret: "ttn1.k.hook",
            lastFour: "HOOK",
            pendingSealed: null,
            previousSealed: "ttn1.k.old",
            previousValidUntil: Now.AddMinutes(10)),
        AttemptCount = 1,
        CompletedAt = Now.AddHours(-1),
    };

    [Fact]
    public void Start_attempt_counts_the_attempt_and_forgets_the_last_error()
    {
        var failed = Ready() with
        {
            State = ProvisioningState.Failed,
            LastError = new TenantError(
                step: ProvisioningStep.Webhook,
                message: "boom",
                httpStatus: 503,
                errorNamespace: null,
                errorName: null,
                correlationId: null,
                occurredAt: Now),
            RequiresStartFresh = true,
        };

        var started = TenantTransitions.StartAttempt(failed, Now);

        Assert.Equal(ProvisioningState.Provisioning, started.State);
        Assert.Equal(ProvisioningStep.Preflight, started.CurrentStep);
        Assert.Equal(2, started.AttemptCount);
        Assert.Equal(Now, started.StartedAt);
        Assert.Null(started.LastError);
        Assert.False(started.RequiresStartFresh);
    }

    [Fact]
    public void Beginning_steps_marks_only_the_key_steps_pending_and_the_first_step_current()
    {
        var record = new TenantRecord { TenantId = "acme" };

        var begun = TenantTransitions.BeginSteps(record, ProvisioningStep.Webhook | ProvisioningStep.ApplicationApiKey | ProvisioningStep.Application);

        Assert.Equal(ProvisioningStep.Application, begun.CurrentStep);
        Assert.Equal(ProvisioningStep.ApplicationApiKey, begun.PendingSteps);
    }

    [Fact]
    public void Storing_a_key_completes_its_step_and_clears_it_from_pending()
    {
        var record = new TenantRecord { TenantId = "acme", PendingSteps = ProvisioningStep.OrganizationApiKey | ProvisioningStep.ApplicationApiKey };

        var stored = TenantTransitions.StoreApiKey(record, ProvisioningStep.OrganizationApiKey, OrganizationKey, Now);

        Assert.Same(OrganizationKey, stored.OrganizationApiKey);
        Assert.Equal(ProvisioningStep.OrganizationApiKey, stored.Checkpoints);
        Assert.Equal(ProvisioningStep.ApplicationApiKey, stored.PendingSteps);
        Assert.Equal(Now, stored.CredentialsUpdatedAt);
    }

    [Fact]
    public void Storing_a_key_for_a_step_that_makes_no_key_is_misuse()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            TenantTransitions.StoreApiKey(new TenantRecord { TenantId = "acme" }, ProvisioningStep.Webhook, OrganizationKey, Now));
    }

    [Fact]
    public void Forgetting_the_organization_key_makes_its_step_pending_again()
    {
        var forgotten = TenantTransitions.ForgetOrganizationKey(Ready());

        Assert.Null(forgotten.OrganizationApiKey);
        Assert.False(forgotten.Checkpoints.HasFlag(ProvisioningStep.OrganizationApiKey));
        Assert.True(forgotten.PendingSteps.HasFlag(ProvisioningStep.OrganizationApiKey));
        Assert.Same(ApplicationKey, forgotten.ApplicationApiKey);
    }

    [Fact]
    public void Promoting_the_pending_secret_puts_it_in_force_and_completes_the_webhook()
    {
        var staged = TenantTransitions.StagePendingWebhookSecret(new TenantRecord { TenantId = "acme" }, "ttn1.k.new");

        var promoted = TenantTransitions.PromoteWebhookSecret(staged, "hook-id", "https://h/acme", "WXYZ");

        Assert.Equal("ttn1.k.new", promoted.WebhookSecret.Sealed);
        Assert.Equal("WXYZ", promoted.WebhookSecret.LastFour);
        Assert.Null(promoted.WebhookSecret.PendingSealed);
        Assert.Equal("hook-id", promoted.WebhookId);
        Assert.Equal("https://h/acme", promoted.WebhookUrl);
        Assert.True(promoted.Checkpoints.HasFlag(ProvisioningStep.Webhook));
    }

    [Fact]
    public void A_rotation_keeps_the_replaced_secret_until_the_grace_period_ends()
    {
        var staged = TenantTransitions.StagePendingWebhookSecret(Ready(), "ttn1.k.next");

        var rotated = TenantTransitions.RotateWebhookSecret(staged, "hook-id", "https://h/acme", "NEXT", Now.AddMinutes(15), Now);

        Assert.Equal("ttn1.k.next", rotated.WebhookSecret.Sealed);
        Assert.Equal("ttn1.k.hook", rotated.WebhookSecret.PreviousSealed);
        Assert.Equal(Now.AddMinutes(15), rotated.WebhookSecret.PreviousValidUntil);
        Assert.Equal(Now, rotated.CredentialsUpdatedAt);
    }

    [Fact]
    public void A_rotation_without_grace_period_keeps_no_previous_secret()
    {
        var staged = TenantTransitions.StagePendingWebhookSecret(Ready(), "ttn1.k.next");

        var rotated = TenantTransitions.RotateWebhookSecret(staged, "hook-id", "https://h/acme", "NEXT", previousValidUntil: null, Now);

        Assert.Null(rotated.WebhookSecret.PreviousSealed);
        Assert.Null(rotated.WebhookSecret.PreviousValidUntil);
    }

    [Fact]
    public void Ready_keeps_only_a_pending_gateway_key()
    {
        var record = Ready() with
        {
            State = ProvisioningState.Provisioning,
            CurrentStep = ProvisioningStep.Webhook,
            PendingSteps = ProvisioningStep.GatewayApiKey | ProvisioningStep.ApplicationApiKey,
            LastError = TenantError.Local(null, "old", Now),
        };

        var ready = TenantTransitions.MarkReady(record, Now);

        Assert.Equal(ProvisioningState.Ready, ready.State);
        Assert.Null(ready.CurrentStep);
        Assert.Null(ready.LastError);
        Assert.Equal(ProvisioningStep.GatewayApiKey, ready.PendingSteps);
        Assert.Equal(Now, ready.CompletedAt);
    }

    [Fact]
    public void Failed_records_the_step_of_the_error_and_whether_only_start_fresh_helps()
    {
        var error = new TenantError(
            step: ProvisioningStep.Application,
            message: "taken",
            httpStatus: 409,
            errorNamespace: "pkg/util/store",
            errorName: "id_taken",
            correlationId: "corr",
            occurredAt: Now);

        var failed = TenantTransitions.MarkFailed(Ready() with { CurrentStep = ProvisioningStep.Organization }, error, requiresStartFresh: true);

        Assert.Equal(ProvisioningState.Failed, failed.State);
        Assert.Equal(ProvisioningStep.Application, failed.CurrentStep);
        Assert.Same(error, failed.LastError);
        Assert.True(failed.RequiresStartFresh);
    }

    [Fact]
    public void An_unexpected_failure_leaves_a_ready_tenant_ready_and_fails_any_other()
    {
        var error = TenantError.Local(null, "store down", Now);

        Assert.Equal(ProvisioningState.Ready, TenantTransitions.AfterUnexpected(Ready(), error).State);
        Assert.Equal(ProvisioningState.Failed, TenantTransitions.AfterUnexpected(Ready() with { State = ProvisioningState.Provisioning }, error).State);
    }

    [Fact]
    public void After_start_fresh_every_credential_is_forgotten_and_the_organization_kept_when_it_was_ours()
    {
        var after = TenantTransitions.AfterStartFresh(Ready(), keepOrganization: true, "tp-acme-new", "tp-app-acme-new");

        Assert.Equal(ProvisioningState.Idle, after.State);
        Assert.Equal("tp-acme", after.OrganizationId);
        Assert.Equal("tp-app-acme-new", after.ApplicationId);
        Assert.Equal(ProvisioningStep.Organization, after.Checkpoints);
        Assert.Equal(ProvisioningStep.None, after.PendingSteps);
        Assert.Null(after.OrganizationApiKey);
        Assert.Null(after.ApplicationApiKey);
        Assert.Null(after.WebhookSecret.Sealed);
        Assert.Null(after.WebhookSecret.PreviousSealed);
        Assert.Null(after.WebhookUrl);
    }

    [Fact]
    public void After_start_fresh_an_organization_that_was_not_ours_is_replaced()
    {
        var after = TenantTransitions.AfterStartFresh(Ready(), keepOrganization: false, "tp-acme-new", "tp-app-acme-new");

        Assert.Equal("tp-acme-new", after.OrganizationId);
        Assert.Equal(0, after.OrganizationIdRotations);
        Assert.Equal(ProvisioningStep.None, after.Checkpoints);
    }

    [Fact]
    public void An_incomplete_start_fresh_keeps_the_old_ids_and_needs_another_start_fresh()
    {
        var error = TenantError.Local(null, "left", Now);

        var after = TenantTransitions.StartFreshIncomplete(Ready(), error);

        Assert.Equal("tp-app-acme", after.ApplicationId);
        Assert.Same(ApplicationKey, after.ApplicationApiKey);
        Assert.True(after.RequiresStartFresh);
        Assert.Equal(ProvisioningState.Failed, after.State);
    }

    [Fact]
    public void A_complete_deep_clean_is_idle_with_every_secret_forgotten()
    {
        var after = TenantTransitions.AfterDeepClean(Ready(), new DeepCleanOutcome(true, true, true, true), null, null, error: null);

        Assert.Equal(ProvisioningState.Idle, after.State);
        Assert.Null(after.OrganizationId);
        Assert.Null(after.ApplicationId);
        Assert.Equal(ProvisioningStep.None, after.Checkpoints);
        Assert.Equal(ProvisioningStep.None, after.PendingSteps);
        Assert.Null(after.OrganizationApiKey);
        Assert.Null(after.WebhookSecret.Sealed);
        Assert.Null(after.WebhookSecret.PreviousSealed);
    }

    [Fact]
    public void A_partial_deep_clean_keeps_what_remains_and_makes_the_key_steps_pending()
    {
        var error = TenantError.Local(null, "1 remains", Now);

        var after = TenantTransitions.AfterDeepClean(Ready(), new DeepCleanOutcome(true, false, false, false), "tp-app-acme-next", "tp-acme", error);

        Assert.Equal(ProvisioningState.Failed, after.State);
        Assert.Equal("tp-acme", after.OrganizationId);
        Assert.Equal("tp-app-acme-next", after.ApplicationId);
        Assert.Equal(TenantTransitions.KeySteps, after.PendingSteps);
        Assert.Null(after.ApplicationApiKey);
        Assert.Same(error, after.LastError);
    }

    [Fact]
    public void Bringing_an_application_needs_only_the_webhook()
    {
        var brought = TenantTransitions.BringExistingApplication(new TenantRecord { TenantId = "acme" }, "their-app", ApplicationKey, "ttn1.k.p", Now);

        Assert.True(brought.IsExistingApplication);
        Assert.Equal(ProvisioningStep.Application | ProvisioningStep.ApplicationApiKey, brought.Checkpoints);
        Assert.Equal(ProvisioningStep.Webhook, brought.CurrentStep);
        Assert.Equal("ttn1.k.p", brought.WebhookSecret.PendingSealed);
        Assert.Equal(1, brought.AttemptCount);
    }

    [Theory]
    [InlineData(ProvisioningStep.None, null)]
    [InlineData(ProvisioningStep.Webhook, ProvisioningStep.Webhook)]
    [InlineData(ProvisioningStep.Webhook | ProvisioningStep.OrganizationApiKey, ProvisioningStep.OrganizationApiKey)]
    public void The_first_step_of_a_set_is_the_earliest_in_the_pipeline(ProvisioningStep steps, ProvisioningStep? first)
    {
        Assert.Equal(first, TenantTransitions.FirstOf(steps));
    }
}
