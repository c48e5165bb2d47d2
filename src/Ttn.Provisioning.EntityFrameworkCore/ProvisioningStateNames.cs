using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.EntityFrameworkCore;

/// <summary>
/// The text form of <see cref="ProvisioningState"/> for stores that keep it as a string, and the mapping of the
/// values the replaced system wrote.
/// </summary>
internal static class ProvisioningStateNames
{
    /// <summary>The canonical stored name of a state: <c>idle</c>, <c>provisioning</c>, <c>ready</c> or <c>failed</c>.</summary>
    /// <param name="state">The state.</param>
    public static string ToStoredName(this ProvisioningState state) => state switch
    {
        ProvisioningState.Idle => "idle",
        ProvisioningState.Provisioning => "provisioning",
        ProvisioningState.Ready => "ready",
        ProvisioningState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown provisioning state."),
    };

    /// <summary>
    /// Maps a stored status, including the legacy values, to a state. <c>not_started</c>, <c>idle</c>, null, empty and
    /// <c>deprovisioned</c> are Idle; <c>provisioning</c> and <c>pending</c> are Provisioning; <c>completed</c>,
    /// <c>complete</c> and <c>ready</c> are Ready; <c>failed</c> is Failed. Anything else is Failed, never silently Idle.
    /// </summary>
    /// <param name="stored">The stored text (case and surrounding white space are ignored).</param>
    /// <param name="recognised"><see langword="false"/> when the text was not a known value (the state is then Failed).</param>
    public static ProvisioningState FromStoredName(string? stored, out bool recognised)
    {
        recognised = true;
        switch (stored?.Trim().ToLowerInvariant())
        {
            case null or "" or "idle" or "not_started" or "deprovisioned":
                return ProvisioningState.Idle;
            case "provisioning" or "pending":
                return ProvisioningState.Provisioning;
            case "ready" or "completed" or "complete":
                return ProvisioningState.Ready;
            case "failed":
                return ProvisioningState.Failed;
            default:
                recognised = false;
                return ProvisioningState.Failed;
        }
    }
}
