using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning;

/// <summary>
/// The result of <see cref="IProvisioningService.UpdateSettingsAsync"/>: Succeeded (the settings are stored and, when the
/// tenant has a webhook, applied to it on TTS), Failed (stored, but TTS did not confirm them: they stay pending and a
/// settings update or a retry sends them again), Denied or AlreadyInProgress.
/// </summary>
public sealed class TenantSettingsResult : OperationResult
{
    internal TenantSettingsResult()
    {
    }

    /// <summary>The tenant's settings as stored (those asked for, once stored).</summary>
    public TenantSettings? Settings { get; internal init; }

    /// <summary>Whether TTS has not confirmed the stored settings yet.</summary>
    public bool SettingsPending { get; internal init; }
}
