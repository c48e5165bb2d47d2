namespace Ttn.Provisioning.Testing;

/// <summary>Settings of a <see cref="FakeThingsStack"/>.</summary>
public sealed class FakeThingsStackOptions
{
    /// <summary>
    /// The clock for timestamps, key expiry, the restore window, delays and the rate limit. Default: <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Host names the handler answers for (for example the Identity Server host and the cluster host). A request to
    /// another host fails as an unreachable host would (<see cref="HttpRequestException"/>). Empty: every host is accepted
    /// (unless <see cref="Clusters"/> are configured, which make their hosts and the Identity Server host the served ones).
    /// </summary>
    public ICollection<string> Hosts { get; } = new List<string>();

    /// <summary>
    /// The Identity Server host (for example <c>eu1.cloud.thethings.network</c>); required when <see cref="Clusters"/> are set.
    /// Identity Server paths (<c>/auth_info</c>, <c>/users</c>, <c>/organizations</c>, <c>/applications</c>, <c>/gateways</c>,
    /// <c>/search</c>, claiming) are served on this host only.
    /// </summary>
    public string? IdentityServerHost { get; set; }

    /// <summary>
    /// Cluster name to host (for example <c>nam1</c> to <c>nam1.cloud.thethings.network</c>). Each cluster serves the
    /// <c>/as</c>, <c>/ns</c>, <c>/js</c> and <c>/gs</c> paths with its own state (webhooks, Join/Network/Application Server
    /// device records, Gateway Server connection stats). Empty (default): one cluster, and every host serves everything.
    /// </summary>
    public IDictionary<string, string> Clusters { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How long after deletion an entity can be restored (TTS default: 24 hours).</summary>
    public TimeSpan RestoreWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>IS setting <c>user-rights.create-organizations</c> (default true); when false only admins create organizations.</summary>
    public bool UsersMayCreateOrganizations { get; set; } = true;

    /// <summary>
    /// IS setting <c>user-rights.create-applications</c> (default true); when false users create applications only in organizations.
    /// </summary>
    public bool UsersMayCreateApplications { get; set; } = true;

    /// <summary>The Join Server's <c>default-join-eui</c>, answered by <c>GET /js/default_join_eui</c> (TTS default: all zeros).</summary>
    public string DefaultJoinEui { get; set; } = "0000000000000000";

    /// <summary>
    /// AS setting <c>webhooks.unhealthy-attempts-threshold</c>: consecutive failed deliveries after which a webhook is
    /// not delivered to until <see cref="WebhookUnhealthyRetryInterval"/> passed. Default 10. Zero or less (or a zero
    /// interval) is TTS's monitor mode: failures are recorded, deliveries never stop.
    /// </summary>
    public int WebhookUnhealthyAttemptsThreshold { get; set; } = 10;

    /// <summary>AS setting <c>webhooks.unhealthy-retry-interval</c> (default 24 hours, what TTN Cloud's console announced).</summary>
    public TimeSpan WebhookUnhealthyRetryInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Gives the handler each webhook delivery is sent through, for example <c>() =&gt; testServer.CreateHandler()</c>; called
    /// once per delivery and never disposed by the fake, so it may return the same handler every time.
    /// Null (default): a <see cref="SocketsHttpHandler"/> that connects to loopback addresses only; a delivery to any other
    /// host is recorded as failed and never sent.
    /// </summary>
    public Func<HttpMessageHandler>? WebhookDeliveryHandler { get; set; }

    /// <summary>
    /// Configures TTN Cloud's layout: the Identity Server on <c>eu1.cloud.thethings.network</c> and the clusters
    /// <c>eu1</c>, <c>nam1</c> and <c>au1</c> at <c>&lt;name&gt;.cloud.thethings.network</c>.
    /// </summary>
    /// <returns>These options.</returns>
    public FakeThingsStackOptions UseTheThingsNetworkCloud()
    {
        IdentityServerHost = "eu1.cloud.thethings.network";
        foreach (var name in (string[])["eu1", "nam1", "au1"])
        {
            Clusters[name] = $"{name}.cloud.thethings.network";
        }
        return this;
    }
}
