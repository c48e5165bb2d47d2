namespace Ttn.Provisioning.Provisioning;

/// <summary>A record that a caller read a tenant's credentials in plain text.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="UserId">The host user who read them.</param>
/// <param name="Role">The user's role.</param>
/// <param name="At">When.</param>
/// <param name="Fields">Which credentials were returned opened (names only).</param>
public sealed record CredentialAccessAudit(string TenantId, string UserId, Authorization.TenantRole Role, DateTimeOffset At, IReadOnlyList<string> Fields);

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
