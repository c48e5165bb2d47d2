namespace Ttn.Provisioning.Storage;

/// <summary>
/// The webhook secrets of a tenant, each sealed: the secret in force, a new one on its way to The Things Stack, and the
/// one replaced by the last rotation while its grace period lasts.
/// </summary>
public sealed class WebhookSecretSet
{
    /// <summary>Creates a <see cref="WebhookSecretSet"/>.</summary>
    /// <param name="sealedSecret">The secret TTS sends with each call, sealed; null when there is none.</param>
    /// <param name="lastFour">The last four characters of that secret.</param>
    /// <param name="pendingSealed">A new secret, sealed, stored before it is sent to TTS; null when none is on its way.</param>
    /// <param name="previousSealed">The secret in force before the last rotation, sealed; null when none is still accepted.</param>
    /// <param name="previousValidUntil">Until when <paramref name="previousSealed"/> is accepted.</param>
    public WebhookSecretSet(
        string? sealedSecret, string? lastFour, string? pendingSealed, string? previousSealed, DateTimeOffset? previousValidUntil)
    {
        Sealed = sealedSecret;
        LastFour = lastFour;
        PendingSealed = pendingSealed;
        PreviousSealed = previousSealed;
        PreviousValidUntil = previousValidUntil;
    }

    /// <summary>No webhook secret at all.</summary>
    public static WebhookSecretSet None { get; } =
        new(sealedSecret: null, lastFour: null, pendingSealed: null, previousSealed: null, previousValidUntil: null);

    /// <summary>The secret TTS sends with each call, sealed.</summary>
    public string? Sealed { get; }

    /// <summary>The last four characters of <see cref="Sealed"/>'s secret.</summary>
    public string? LastFour { get; }

    /// <summary>
    /// A new secret, sealed, stored before it is sent to TTS and promoted to <see cref="Sealed"/> once TTS has accepted
    /// it; so TTS and the store never disagree about the secret.
    /// </summary>
    public string? PendingSealed { get; }

    /// <summary>
    /// The secret in force before the last rotation, sealed: still accepted until <see cref="PreviousValidUntil"/>, so
    /// calls TTS had already sent with it are not refused.
    /// </summary>
    public string? PreviousSealed { get; }

    /// <summary>Until when <see cref="PreviousSealed"/> is accepted.</summary>
    public DateTimeOffset? PreviousValidUntil { get; }

    /// <summary>Shows which secrets are held and the last four characters of the one in force; never a sealed value.</summary>
    public override string ToString() =>
        $"WebhookSecretSet {{ LastFour = {LastFour ?? "none"}, Pending = {PendingSealed is not null}, "
        + $"Previous = {PreviousSealed is not null} }}";
}
