namespace Ttn.Provisioning.Storage;

/// <summary>
/// The webhook secrets of a tenant, each sealed: the secret in force, a new one on its way to The Things Stack, and the
/// one replaced by the last rotation while its grace period lasts.
/// </summary>
public sealed class WebhookSecretSet
{
    /// <summary>No webhook secret at all.</summary>
    public static WebhookSecretSet None { get; } = new();

    /// <summary>The secret TTS sends with each call, sealed.</summary>
    public string? Sealed { get; init; }

    /// <summary>The last four characters of <see cref="Sealed"/>'s secret.</summary>
    public string? LastFour { get; init; }

    /// <summary>
    /// A new secret, sealed, stored before it is sent to TTS and promoted to <see cref="Sealed"/> once TTS has accepted
    /// it; so TTS and the store never disagree about the secret.
    /// </summary>
    public string? PendingSealed { get; init; }

    /// <summary>
    /// The secret in force before the last rotation, sealed: still accepted until <see cref="PreviousValidUntil"/>, so
    /// calls TTS had already sent with it are not refused.
    /// </summary>
    public string? PreviousSealed { get; init; }

    /// <summary>Until when <see cref="PreviousSealed"/> is accepted.</summary>
    public DateTimeOffset? PreviousValidUntil { get; init; }

    /// <summary>Shows which secrets are held and the last four characters of the one in force; never a sealed value.</summary>
    public override string ToString() =>
        $"WebhookSecretSet {{ LastFour = {LastFour ?? "none"}, Pending = {PendingSealed is not null}, "
        + $"Previous = {PreviousSealed is not null} }}";
}
