using Ttn.Provisioning.Authorization;

namespace Ttn.Provisioning.Storage;

/// <summary>
/// One entry of a tenant's history: an operation that changed, tested or revealed the tenant, who asked, and how it
/// ended. Written by the library after every such operation; never holds a secret.
/// </summary>
public sealed class TenantHistoryEntry
{
    /// <summary>Creates a <see cref="TenantHistoryEntry"/>.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="occurredAt">When the operation started.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="userId">The host user who asked.</param>
    /// <param name="role">That user's role in the tenant.</param>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="failedStep">The step that failed, when the operation failed at one.</param>
    /// <param name="message">What went wrong, in words; null when nothing did.</param>
    /// <param name="errorName">The TTS error name of the failure, if TTS answered with one.</param>
    /// <param name="correlationId">The TTS correlation id of the failure, for support.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to The Things Stack.</param>
    /// <param name="duration">How long the operation took.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tenantId"/> or <paramref name="userId"/> is null.</exception>
    public TenantHistoryEntry(
        string tenantId,
        DateTimeOffset occurredAt,
        ProvisioningOperation operation,
        string userId,
        TenantRole role,
        ProvisioningOutcome outcome,
        ProvisioningStep? failedStep,
        string? message,
        string? errorName,
        string? correlationId,
        int ttsRequestCount,
        TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(userId);
        TenantId = tenantId;
        OccurredAt = occurredAt;
        Operation = operation;
        UserId = userId;
        Role = role;
        Outcome = outcome;
        FailedStep = failedStep;
        Message = message;
        ErrorName = errorName;
        CorrelationId = correlationId;
        TtsRequestCount = ttsRequestCount;
        Duration = duration;
    }

    /// <summary>The tenant.</summary>
    public string TenantId { get; }

    /// <summary>When the operation started.</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <summary>The operation.</summary>
    public ProvisioningOperation Operation { get; }

    /// <summary>The host user who asked.</summary>
    public string UserId { get; }

    /// <summary>That user's role in the tenant.</summary>
    public TenantRole Role { get; }

    /// <summary>How the operation ended.</summary>
    public ProvisioningOutcome Outcome { get; }

    /// <summary>The step that failed, when the operation failed at one.</summary>
    public ProvisioningStep? FailedStep { get; }

    /// <summary>What went wrong, in words (the operation's error message); null when nothing did.</summary>
    public string? Message { get; }

    /// <summary>The TTS error name of the failure (for example <c>no_application_rights</c>), if TTS answered with one.</summary>
    public string? ErrorName { get; }

    /// <summary>The TTS correlation id of the failure, for support.</summary>
    public string? CorrelationId { get; }

    /// <summary>How many requests the operation sent to The Things Stack.</summary>
    public int TtsRequestCount { get; }

    /// <summary>How long the operation took.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The time, operation, caller and outcome; never a secret.</summary>
    public override string ToString() =>
        $"{OccurredAt:O} {Operation} by {UserId} ({Role}): {Outcome}{(Message is null ? "" : ": " + Message)}";
}

/// <summary>A page of a tenant's history, newest first.</summary>
public sealed class TenantHistoryPage
{
    /// <summary>Creates a page.</summary>
    /// <param name="entries">The entries, newest first.</param>
    /// <param name="nextPageToken">The token of the next (older) page; null when this is the last one.</param>
    public TenantHistoryPage(IReadOnlyList<TenantHistoryEntry> entries, string? nextPageToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries;
        NextPageToken = nextPageToken;
    }

    /// <summary>The entries, newest first.</summary>
    public IReadOnlyList<TenantHistoryEntry> Entries { get; }

    /// <summary>
    /// The token that reads the next (older) page; null when there is none. Opaque: pass it back as it is, to the same
    /// store and tenant.
    /// </summary>
    public string? NextPageToken { get; }
}
