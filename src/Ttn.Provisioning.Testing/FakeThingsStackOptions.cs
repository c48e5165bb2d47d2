namespace Ttn.Provisioning.Testing;

/// <summary>Settings of a <see cref="FakeThingsStack"/>.</summary>
public sealed class FakeThingsStackOptions
{
    /// <summary>The clock for timestamps, key expiry, the restore window, delays and the rate limit. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Host names the handler answers for (for example the Identity Server host and the cluster host). A request to
    /// another host fails as an unreachable host would (<see cref="HttpRequestException"/>). Empty: every host is accepted.
    /// </summary>
    public ICollection<string> Hosts { get; } = new List<string>();

    /// <summary>How long after deletion an entity can be restored (TTS default: 24 hours).</summary>
    public TimeSpan RestoreWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>IS setting <c>user-rights.create-organizations</c> (default true); when false only admins create organizations.</summary>
    public bool UsersMayCreateOrganizations { get; set; } = true;

    /// <summary>IS setting <c>user-rights.create-applications</c> (default true); when false users create applications only in organizations.</summary>
    public bool UsersMayCreateApplications { get; set; } = true;
}
