using System.Text;

namespace Ttn.Provisioning.Secrets;

/// <summary>The associated data of a <c>ttn1</c> token: <c>ttn1 NUL keyId NUL field NUL tenantId</c> in UTF-8.</summary>
internal static class AssociatedData
{
    /// <summary>The part that depends on the key and the field only: <c>ttn1 NUL keyId NUL field NUL</c> (ASCII).</summary>
    public static byte[] CreatePrefix(string keyId, SecretField field) =>
        Encoding.ASCII.GetBytes($"{SecretToken.FormatName}\0{keyId}\0{field.ToWireName()}\0");

    /// <summary>Room enough for the associated data of <paramref name="context"/> after <paramref name="prefix"/>.</summary>
    public static int MaxLength(ReadOnlySpan<byte> prefix, SecretContext context) =>
        prefix.Length + (context.TenantId.Length * 3);

    public static int Write(ReadOnlySpan<byte> prefix, SecretContext context, Span<byte> destination)
    {
        prefix.CopyTo(destination);

        // SecretContext refuses ill-formed UTF-16; the throwing encoder makes sure no two tenant ids ever share bytes.
        return prefix.Length + StrictUtf8.Encoding.GetBytes(context.TenantId, destination[prefix.Length..]);
    }
}
