using System.Diagnostics.CodeAnalysis;

namespace Ttn.Provisioning.Secrets;

/// <summary>
/// What a sealed secret belongs to: a tenant and a field. It is bound into the token as associated data,
/// so a token copied to another tenant or another field fails to open.
/// </summary>
public readonly record struct SecretContext
{
    /// <summary>The longest tenant id a context accepts.</summary>
    public const int MaxTenantIdLength = 256;

    /// <summary>Creates a context.</summary>
    /// <param name="tenantId">The tenant's id in the host application: 1 to <see cref="MaxTenantIdLength"/> characters, no control characters.</param>
    /// <param name="field">The secret field.</param>
    /// <exception cref="ArgumentException">The tenant id is empty, too long or holds control characters, or the field is not defined.</exception>
    public SecretContext(string tenantId, SecretField field)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        if (tenantId.Length > MaxTenantIdLength)
        {
            throw new ArgumentException($"The tenant id is {tenantId.Length} characters long; at most {MaxTenantIdLength} are allowed.", nameof(tenantId));
        }

        foreach (var c in tenantId)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException("The tenant id contains a control character.", nameof(tenantId));
            }
        }

        if (!Enum.IsDefined(field))
        {
            throw new ArgumentException($"Secret field {(int)field} is not defined.", nameof(field));
        }

        TenantId = tenantId;
        Field = field;
    }

    /// <summary>The one rule for a tenant id, shared by the provisioning service: 1 to <see cref="MaxTenantIdLength"/> characters, no control characters.</summary>
    internal static bool IsValidTenantId([NotNullWhen(true)] string? tenantId)
    {
        if (string.IsNullOrEmpty(tenantId) || tenantId.Length > MaxTenantIdLength)
        {
            return false;
        }

        foreach (var c in tenantId)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The tenant's id in the host application.</summary>
    public string TenantId { get; }

    /// <summary>The secret field.</summary>
    public SecretField Field { get; }
}
