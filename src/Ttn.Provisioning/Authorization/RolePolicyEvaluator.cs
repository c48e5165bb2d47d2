using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning.Authorization;

/// <summary>
/// The table-driven <see cref="IRolePolicyEvaluator"/>: allows exactly what <see cref="RolePolicyOptions"/> lists,
/// denies everything else (including <see cref="TenantRole.None"/> and undefined roles or operations).
/// </summary>
internal sealed class RolePolicyEvaluator : IRolePolicyEvaluator
{
    private readonly FrozenDictionary<ProvisioningOperation, FrozenSet<TenantRole>> _table;
    private readonly FrozenDictionary<SecretField, FrozenSet<TenantRole>> _secretReaders;

    /// <summary>Creates an evaluator over the default table.</summary>
    public RolePolicyEvaluator()
        : this(Options.Create(new RolePolicyOptions()))
    {
    }

    /// <summary>Creates an evaluator over a configured table (copied: later changes to the options do not apply).</summary>
    /// <param name="options">The table.</param>
    public RolePolicyEvaluator(IOptions<RolePolicyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _table = options.Value.AllowedRoles.ToFrozenDictionary(
            entry => entry.Key,
            entry => (entry.Value ?? new HashSet<TenantRole>()).Where(role => role != TenantRole.None).ToFrozenSet());
        _secretReaders = options.Value.SecretReaders.ToFrozenDictionary(
            entry => entry.Key,
            entry => (entry.Value ?? new HashSet<TenantRole>()).Where(role => role != TenantRole.None).ToFrozenSet());
    }

    /// <inheritdoc />
    public bool MayReveal(TenantRole role, SecretField secret) =>
        Enum.IsDefined(role) && _secretReaders.TryGetValue(secret, out var readers) && readers.Contains(role);

    /// <inheritdoc />
    public PolicyDecision Evaluate(TenantRole role, ProvisioningOperation operation)
    {
        if (!Enum.IsDefined(role) || role == TenantRole.None)
        {
            return PolicyDecision.Deny(role, operation, "The caller has no recognised role in this tenant.");
        }

        if (!_table.TryGetValue(operation, out var allowed) || allowed.Count == 0)
        {
            return PolicyDecision.Deny(role, operation, $"No role may perform {operation}.");
        }

        return allowed.Contains(role)
            ? PolicyDecision.Allow(role, operation)
            : PolicyDecision.Deny(
                role, operation, $"Role {role} may not perform {operation}; allowed: {string.Join(", ", allowed.Order())}.");
    }
}
