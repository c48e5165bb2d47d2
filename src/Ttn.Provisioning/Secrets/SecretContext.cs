using System.Diagnostics.CodeAnalysis;

namespace Ttn.Provisioning.Secrets;

/// <summary>
/// What a sealed secret belongs to: a tenant and a field. It is bound into the token as associated data,
/// so a token copied to another tenant or another field fails to open.
/// </summary>
public readonly struct SecretContext
{
    /// <summary>The longest tenant id a context accepts.</summary>
    public const int MaxTenantIdLength = 256;

    /// <summary>Creates a context.</summary>
    /// <param name="tenantId">
    /// The tenant's id in the host application: 1 to <see cref="MaxTenantIdLength"/> characters of well-formed UTF-16,
    /// no control characters, and neither <c>.</c> nor <c>..</c>.
    /// </param>
    /// <param name="field">The secret field.</param>
    /// <exception cref="ArgumentException">
    /// The tenant id is empty, too long, holds control characters or an unpaired surrogate, or is <c>.</c> or <c>..</c>;
    /// or the field is not defined.
    /// </exception>
    public SecretContext(string tenantId, SecretField field)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        if (GetTenantIdViolation(tenantId) is { } violation)
        {
            throw new ArgumentException(violation, nameof(tenantId));
        }

        if (!Enum.IsDefined(field))
        {
            throw new ArgumentException($"Secret field {(int)field} is not defined.", nameof(field));
        }

        TenantId = tenantId;
        Field = field;
    }

    /// <summary>The tenant's id in the host application.</summary>
    public string TenantId { get; }

    /// <summary>The secret field.</summary>
    public SecretField Field { get; }

    /// <summary>
    /// The one rule for a tenant id, shared by the provisioning service: 1 to <see cref="MaxTenantIdLength"/> characters,
    /// no control characters, well-formed UTF-16, and not a dot segment.
    /// </summary>
    internal static bool IsValidTenantId([NotNullWhen(true)] string? tenantId) =>
        !string.IsNullOrEmpty(tenantId) && GetTenantIdViolation(tenantId) is null;

    /// <summary>What is wrong with a non-empty tenant id, or null when nothing is. The message never quotes the id.</summary>
    private static string? GetTenantIdViolation(string tenantId)
    {
        if (tenantId.Length > MaxTenantIdLength)
        {
            return $"The tenant id is {tenantId.Length} characters long; at most {MaxTenantIdLength} are allowed.";
        }

        if (tenantId.Any(char.IsControl))
        {
            return "The tenant id contains a control character.";
        }

        // UTF-8 would turn every unpaired surrogate into U+FFFD: two different ids would share their associated data,
        // derived TTS ids and owner marker.
        if (!StrictUtf8.IsWellFormed(tenantId))
        {
            return "The tenant id is not well-formed UTF-16: it holds an unpaired surrogate.";
        }

        // The tenant id is a path segment of the webhook URL, and a receiver normalises dot segments away.
        if (tenantId is "." or "..")
        {
            return "The tenant id must not be '.' or '..': as a segment of the webhook URL it would be normalised away.";
        }

        return null;
    }
}
