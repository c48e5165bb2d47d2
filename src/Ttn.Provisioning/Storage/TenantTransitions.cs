namespace Ttn.Provisioning.Storage;

/// <summary>
/// Every change the library makes to a <see cref="TenantRecord"/>, as pure functions: record in, record out, no I/O,
/// no clock (the time is an argument). The lease fields are the only ones changed elsewhere (<see cref="TenantRun"/>).
/// </summary>
internal static partial class TenantTransitions
{
    /// <summary>
    /// The steps that create a secret TTS shows only once: a run that stops inside one must revoke what it may have left.
    /// </summary>
    public const ProvisioningStep KeySteps =
        ProvisioningStep.OrganizationApiKey | ProvisioningStep.ApplicationApiKey | ProvisioningStep.GatewayApiKey;

    /// <summary>A provisioning run starts (provision, retry, or provisioning again after a start fresh).</summary>
    public static TenantRecord StartAttempt(TenantRecord record, DateTimeOffset now) => record with
    {
        State = ProvisioningState.Provisioning,
        CurrentStep = ProvisioningStep.Preflight,
        AttemptCount = record.AttemptCount + 1,
        StartedAt = now,
        LastError = null,
        RequiresStartFresh = false,
    };

    /// <summary>Steps are about to run together: the first of them is the current step; the key steps among them are pending.</summary>
    public static TenantRecord BeginSteps(TenantRecord record, ProvisioningStep steps) => record with
    {
        CurrentStep = FirstOf(steps) ?? record.CurrentStep,
        PendingSteps = record.PendingSteps | (steps & KeySteps),
    };

    /// <summary>A step is done: it counts as completed and is no longer pending.</summary>
    public static TenantRecord CompleteStep(TenantRecord record, ProvisioningStep step) => record with
    {
        Checkpoints = record.Checkpoints | step,
        PendingSteps = record.PendingSteps & ~step,
    };

    /// <summary>The preflight found which TTS user the admin key belongs to.</summary>
    public static TenantRecord WithTtsUser(TenantRecord record, string userId) => record with { TtsUserId = userId };

    /// <summary>The organization step starts with <paramref name="organizationId"/>.</summary>
    public static TenantRecord BeginOrganization(TenantRecord record, string organizationId) => record with
    {
        OrganizationId = organizationId,
        CurrentStep = ProvisioningStep.Organization,
    };

    /// <summary>The organization id belongs to someone else: the next attempt uses <paramref name="nextOrganizationId"/>.</summary>
    public static TenantRecord RotateOrganizationId(TenantRecord record, string nextOrganizationId) => record with
    {
        OrganizationId = nextOrganizationId,
        OrganizationIdRotations = record.OrganizationIdRotations + 1,
    };

    /// <summary>The application step will use <paramref name="applicationId"/> (kept once chosen).</summary>
    public static TenantRecord WithApplicationId(TenantRecord record, string applicationId) =>
        record with { ApplicationId = applicationId };

    /// <summary>An API key TTS created is stored (sealed): its step is done.</summary>
    /// <param name="record">The record.</param>
    /// <param name="step">One of <see cref="KeySteps"/>.</param>
    /// <param name="key">The sealed key.</param>
    /// <param name="now">When it was stored.</param>
    public static TenantRecord StoreApiKey(TenantRecord record, ProvisioningStep step, StoredApiKey key, DateTimeOffset now)
    {
        var stored = step switch
        {
            ProvisioningStep.OrganizationApiKey => record with { OrganizationApiKey = key },
            ProvisioningStep.ApplicationApiKey => record with { ApplicationApiKey = key },
            ProvisioningStep.GatewayApiKey => record with { GatewayApiKey = key },
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Not a key step."),
        };
        return CompleteStep(stored with { CredentialsUpdatedAt = now }, step);
    }

    /// <summary>
    /// The stored organization key no longer works (TTS refused it, or it cannot be opened): forget it, so that the next
    /// run revokes what is left of it by name and creates a new one.
    /// </summary>
    public static TenantRecord ForgetOrganizationKey(TenantRecord record) => record with
    {
        OrganizationApiKey = null,
        Checkpoints = record.Checkpoints & ~ProvisioningStep.OrganizationApiKey,
        PendingSteps = record.PendingSteps | ProvisioningStep.OrganizationApiKey,
    };

    /// <summary>A new webhook secret is stored (sealed) before it is sent to TTS.</summary>
    public static TenantRecord StagePendingWebhookSecret(TenantRecord record, string sealedSecret) => record with
    {
        WebhookSecret = Secrets(record.WebhookSecret, pending: sealedSecret),
    };

    /// <summary>
    /// The pending webhook secret is no longer readable: forget it, so that the next attempt generates a new one
    /// (TTS and the store agree again once the webhook is set with it).
    /// </summary>
    public static TenantRecord DropPendingWebhookSecret(TenantRecord record) => record with
    {
        WebhookSecret = Secrets(record.WebhookSecret, pending: null),
    };

    /// <summary>TTS accepted the pending secret on the webhook: it is now the secret in force, and the webhook step is done.</summary>
    /// <param name="record">The record.</param>
    /// <param name="webhookId">The webhook's id.</param>
    /// <param name="webhookUrl">The webhook's URL.</param>
    /// <param name="lastFour">The last four characters of the promoted secret.</param>
    public static TenantRecord PromoteWebhookSecret(TenantRecord record, string webhookId, string webhookUrl, string? lastFour)
    {
        if (record.WebhookSecret.PendingSealed is not { } pending)
        {
            return CompleteStep(record, ProvisioningStep.Webhook);
        }

        var promoted = record with
        {
            WebhookSecret = new WebhookSecretSet(
                sealedSecret: pending,
                lastFour: lastFour,
                pendingSealed: null,
                previousSealed: record.WebhookSecret.PreviousSealed,
                previousValidUntil: record.WebhookSecret.PreviousValidUntil),
            WebhookId = webhookId,
            WebhookUrl = webhookUrl,
        };
        return CompleteStep(promoted, ProvisioningStep.Webhook);
    }

    /// <summary>
    /// A rotation finished: the pending secret is in force, and the one it replaced is still accepted until
    /// <paramref name="previousValidUntil"/> (null: not at all).
    /// </summary>
    public static TenantRecord RotateWebhookSecret(
        TenantRecord record, string webhookId, string webhookUrl, string? lastFour, DateTimeOffset? previousValidUntil, DateTimeOffset now)
    {
        var previous = previousValidUntil is null ? null : record.WebhookSecret.Sealed;
        var promoted = PromoteWebhookSecret(record, webhookId, webhookUrl, lastFour);
        return promoted with
        {
            CredentialsUpdatedAt = now,
            WebhookSecret = new WebhookSecretSet(
                sealedSecret: promoted.WebhookSecret.Sealed,
                lastFour: promoted.WebhookSecret.LastFour,
                pendingSealed: null,
                previousSealed: previous,
                previousValidUntil: previous is null ? null : previousValidUntil),
        };
    }

    /// <summary>The tenant brings its own application and key: the webhook is all that is left to set.</summary>
    public static TenantRecord BringExistingApplication(
        TenantRecord record, string applicationId, StoredApiKey key, string pendingWebhookSecret, DateTimeOffset now) => record with
        {
            State = ProvisioningState.Provisioning,
            CurrentStep = ProvisioningStep.Webhook,
            AttemptCount = record.AttemptCount + 1,
            StartedAt = now,
            LastError = null,
            RequiresStartFresh = false,
            ApplicationId = applicationId,
            IsExistingApplication = true,
            ApplicationApiKey = key,
            CredentialsUpdatedAt = now,
            WebhookSecret = Secrets(record.WebhookSecret, pending: pendingWebhookSecret),
            Checkpoints = record.Checkpoints | ProvisioningStep.Application | ProvisioningStep.ApplicationApiKey,
        };

    /// <summary>
    /// Every step is done: Ready. Only the optional gateway key can still be pending (a transient failure), so that the
    /// next provisioning knows to revoke what that attempt may have left on TTS.
    /// </summary>
    public static TenantRecord MarkReady(TenantRecord record, DateTimeOffset now) => record with
    {
        State = ProvisioningState.Ready,
        CurrentStep = null,
        LastError = null,
        RequiresStartFresh = false,
        PendingSteps = record.PendingSteps & ProvisioningStep.GatewayApiKey,
        CompletedAt = now,
    };

    /// <summary>A run failed: Failed at the error's step, resumable unless <paramref name="requiresStartFresh"/>.</summary>
    public static TenantRecord MarkFailed(TenantRecord record, TenantError error, bool requiresStartFresh) => record with
    {
        State = ProvisioningState.Failed,
        CurrentStep = error.Step ?? record.CurrentStep,
        LastError = error,
        RequiresStartFresh = requiresStartFresh,
    };

    /// <summary>An operation that does not change the state (a rotation) failed: only the error is recorded.</summary>
    public static TenantRecord RecordError(TenantRecord record, TenantError error) => record with { LastError = error };

    /// <summary>
    /// A run stopped on an unexpected exception (a store or configuration failure): a Ready tenant stays Ready, any other
    /// is Failed, and the error says so.
    /// </summary>
    public static TenantRecord AfterUnexpected(TenantRecord record, TenantError error) => record with
    {
        State = record.State == ProvisioningState.Ready ? ProvisioningState.Ready : ProvisioningState.Failed,
        LastError = error,
    };

    /// <summary>
    /// Start fresh removed what it could not: the old ids stay (they are the only record of what is left on TTS) and
    /// only another start fresh may go on from here.
    /// </summary>
    public static TenantRecord StartFreshIncomplete(TenantRecord record, TenantError error) => record with
    {
        State = ProvisioningState.Failed,
        LastError = error,
        RequiresStartFresh = true,
    };

    /// <summary>
    /// Start fresh removed the old application and every key of ours (it runs only once nothing old is left): every
    /// credential is forgotten and the new application id is chosen; no key step is pending, since no key of ours is left
    /// to revoke. The organization is kept when it was ours; otherwise <paramref name="newOrganizationId"/> replaces it.
    /// </summary>
    public static TenantRecord AfterStartFresh(
        TenantRecord record, bool keepOrganization, string newOrganizationId, string newApplicationId) =>
        Cleared(record) with
        {
            OrganizationId = keepOrganization ? record.OrganizationId : newOrganizationId,
            OrganizationIdRotations = keepOrganization ? record.OrganizationIdRotations : 0,
            Checkpoints = keepOrganization ? ProvisioningStep.Organization : ProvisioningStep.None,
            ApplicationId = newApplicationId,
            PendingSteps = ProvisioningStep.None,
        };

    /// <summary>
    /// The record after a deep clean, complete or not. Every credential is forgotten (the keys were revoked, or will be by
    /// the next deep clean, which deletes every key of the tenant's entities) and no step counts as done, so nothing can
    /// mark the tenant Ready on keys that no longer work. Ids of what remains are kept, so running deep clean again
    /// finishes the job; ids of what was deleted but not purged stay reserved by TTS, so the caller passes new ones.
    /// </summary>
    /// <param name="record">The record before the deep clean.</param>
    /// <param name="outcome">What the deep clean confirmed gone.</param>
    /// <param name="applicationId">The application id to keep: the old one while it remains, a new one, or null.</param>
    /// <param name="organizationId">The organization id to keep: the old one while it remains, a new one, or null.</param>
    /// <param name="error">The error when something remains; null when the clean is complete.</param>
    public static TenantRecord AfterDeepClean(
        TenantRecord record, DeepCleanOutcome outcome, string? applicationId, string? organizationId, TenantError? error) =>
        Cleared(record) with
        {
            State = error is null ? ProvisioningState.Idle : ProvisioningState.Failed,
            OrganizationId = organizationId,
            OrganizationIdRotations = 0,
            ApplicationId = applicationId,
            Checkpoints = ProvisioningStep.None,
            PendingSteps = outcome.OrganizationGone ? ProvisioningStep.None : KeySteps,
            LastError = error,
        };

    /// <summary>The same secrets with another pending one.</summary>
    private static WebhookSecretSet Secrets(WebhookSecretSet secrets, string? pending) => new(
        sealedSecret: secrets.Sealed,
        lastFour: secrets.LastFour,
        pendingSealed: pending,
        previousSealed: secrets.PreviousSealed,
        previousValidUntil: secrets.PreviousValidUntil);

    /// <summary>The first step of a set, in pipeline order.</summary>
    public static ProvisioningStep? FirstOf(ProvisioningStep steps) =>
        steps == ProvisioningStep.None ? null : (ProvisioningStep)((int)steps & -(int)steps);

    /// <summary>The record with every credential, resource id but the organization's, and error cleared; Idle.</summary>
    private static TenantRecord Cleared(TenantRecord record) => record with
    {
        State = ProvisioningState.Idle,
        CurrentStep = null,
        LastError = null,
        RequiresStartFresh = false,
        ApplicationId = null,
        IsExistingApplication = false,
        WebhookId = null,
        WebhookUrl = null,
        OrganizationApiKey = null,
        ApplicationApiKey = null,
        GatewayApiKey = null,
        WebhookSecret = WebhookSecretSet.None,
        SettingsPending = false,
        CompletedAt = null,
    };
}

/// <summary>What a deep clean confirmed gone.</summary>
/// <param name="ApplicationGone">The tenant's application is deleted (or was never there).</param>
/// <param name="OrganizationGone">The tenant's organization is deleted (or was never there).</param>
/// <param name="ApplicationPurged">The application's id was released by a purge.</param>
/// <param name="OrganizationPurged">The organization's id was released by a purge.</param>
internal readonly record struct DeepCleanOutcome(
    bool ApplicationGone, bool OrganizationGone, bool ApplicationPurged, bool OrganizationPurged);
