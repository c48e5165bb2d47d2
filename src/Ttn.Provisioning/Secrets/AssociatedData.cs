using System.Text;

namespace Ttn.Provisioning.Secrets;

/// <summary>The associated data of a <c>ttn1</c> token: <c>ttn1 NUL keyId NUL field NUL tenantId</c> in UTF-8.</summary>
internal static class AssociatedData
{
    public const int MaxLength = 8 + SecretProtectionOptions.MaxKeyIdLength + 32 + (SecretContext.MaxTenantIdLength * 3);

    public static int Write(string keyId, SecretContext context, Span<byte> destination)
    {
        var written = Encoding.ASCII.GetBytes(SecretToken.FormatName, destination);
        destination[written++] = 0;
        written += Encoding.ASCII.GetBytes(keyId, destination[written..]);
        destination[written++] = 0;
        written += Encoding.ASCII.GetBytes(context.Field.ToWireName(), destination[written..]);
        destination[written++] = 0;

        // SecretContext refuses ill-formed UTF-16; the throwing encoder makes sure no two tenant ids ever share bytes.
        written += StrictUtf8.Encoding.GetBytes(context.TenantId, destination[written..]);
        return written;
    }
}
