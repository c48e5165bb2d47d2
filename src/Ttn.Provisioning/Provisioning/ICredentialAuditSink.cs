namespace Ttn.Provisioning;

/// <summary>A record that a caller read a tenant's credentials in plain text.</summary>
public sealed class CredentialAccessAudit
{
    /// <param name="tenantId">The tenant.</param>
    /// <param name="userId">The host user who read them.</param>
    /// <param name="role">The user's role.</param>
    /// <param name="at">When.</param>
    /// <param name="fields">Which credentials were returned opened (names only).</param>
    internal CredentialAccessAudit(
        string tenantId, string userId, Authorization.TenantRole role, DateTimeOffset at, IReadOnlyList<string> fields)
    {
        TenantId = tenantId;
        UserId = userId;
        Role = role;
        At = at;
        Fields = fields;
    }

    /// <summary>The tenant.</summary>
    public string TenantId { get; }

    /// <summary>The host user who read them.</summary>
    public string UserId { get; }

    /// <summary>The user's role.</summary>
    public Authorization.TenantRole Role { get; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; }

    /// <summary>Which credentials were returned opened (names only).</summary>
    public IReadOnlyList<string> Fields { get; }
}

/// <summary>
/// Receives an audit record for every credential read (in addition to the log event). Register one with
/// <c>AddTtnProvisioning(...).UseCredentialAuditSink&lt;T&gt;()</c>; the default does nothing.
/// </summary>
public interface ICredentialAuditSink
{
    /// <summary>Records a credential read. A failure here fails the read: the credentials are not returned unaudited.</summary>
    /// <param name="audit">What was read, by whom.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task RecordAsync(CredentialAccessAudit audit, CancellationToken cancellationToken = default);
}

/// <summary>An audit sink that keeps nothing (the log event is still written).</summary>
internal sealed class NullCredentialAuditSink : ICredentialAuditSink
{
    public Task RecordAsync(CredentialAccessAudit audit, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
