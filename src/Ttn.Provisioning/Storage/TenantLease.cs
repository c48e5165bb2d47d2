namespace Ttn.Provisioning.Storage;

/// <summary>The lease that keeps a tenant's runs single-flight across threads and host instances.</summary>
public sealed class TenantLease
{
    /// <summary>Creates a <see cref="TenantLease"/>.</summary>
    /// <param name="holder">Who holds it: an opaque id per run.</param>
    /// <param name="heartbeatAt">When the holder last showed it was alive.</param>
    /// <param name="expiresAt">When the lease may be taken over if it is not renewed.</param>
    public TenantLease(string holder, DateTimeOffset heartbeatAt, DateTimeOffset expiresAt)
    {
        Holder = holder;
        HeartbeatAt = heartbeatAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>Who holds it: an opaque id per run.</summary>
    public string Holder { get; }

    /// <summary>When the holder last showed it was alive.</summary>
    public DateTimeOffset HeartbeatAt { get; }

    /// <summary>When the lease may be taken over if it is not renewed.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Whether the lease is still held at <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    internal bool IsLiveAt(DateTimeOffset now) => ExpiresAt > now;
}
