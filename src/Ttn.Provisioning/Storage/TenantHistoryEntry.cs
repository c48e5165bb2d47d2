using Ttn.Provisioning.Authorization;

namespace Ttn.Provisioning.Storage;

/// <summary>
/// One entry of a tenant's history: an operation that changed, tested or revealed the tenant, who asked, and how it
/// ended. Written by the library after every such operation; never holds a secret.
/// </summary>
public sealed class TenantHistoryEntry
{
    /// <summary>The tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>When the operation started.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The operation.</summary>
    public required ProvisioningOperation Operation { get; init; }

    /// <summary>The host user who asked.</summary>
    public required string UserId { get; init; }

    /// <summary>That user's role in the tenant.</summary>
    public TenantRole Role { get; init; }

    /// <summary>How the operation ended.</summary>
    public ProvisioningOutcome Outcome { get; init; }

    /// <summary>The step that failed, when the operation failed at one.</summary>
    public ProvisioningStep? FailedStep { get; init; }

    /// <summary>What went wrong, in words (the operation's error message); null when nothing did.</summary>
    public string? Message { get; init; }

    /// <summary>The TTS error name of the failure (for example <c>no_application_rights</c>), if TTS answered with one.</summary>
    public string? ErrorName { get; init; }

    /// <summary>The TTS correlation id of the failure, for support.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>How many requests the operation sent to The Things Stack.</summary>
    public int TtsRequestCount { get; init; }

    /// <summary>How long the operation took.</summary>
    public TimeSpan Duration { get; init; }

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
