using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning;

/// <summary>A change of a tenant's settings: each value set is changed, each left null is kept.</summary>
public sealed class TenantSettingsUpdate
{
    /// <summary>Enables (true) or disables (false) the tenant; null keeps it as it is.</summary>
    public bool? Enabled { get; init; }

    /// <summary>The messages TTS sends to the webhook (at least one kind); null keeps the selection.</summary>
    public WebhookMessageTypes? Messages { get; init; }

    /// <summary>The settings after this change.</summary>
    /// <param name="settings">The settings before it.</param>
    /// <returns>The changed settings.</returns>
    internal TenantSettings ApplyTo(TenantSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new TenantSettings(Enabled ?? settings.Enabled, Messages ?? settings.Messages);
    }

    /// <summary>Throws when the change holds a value no tenant may have (misuse).</summary>
    /// <exception cref="ArgumentException"><see cref="Messages"/> selects no kind, or an undefined one.</exception>
    internal void Validate(string paramName)
    {
        if (Messages is { } messages && !TenantSettings.IsValidSelection(messages))
        {
            throw new ArgumentException(
                $"TenantSettingsUpdate.Messages must select at least one kind of message and only defined ones (got {messages}).",
                paramName);
        }
    }
}
