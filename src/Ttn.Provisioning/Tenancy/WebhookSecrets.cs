using System.Security.Cryptography;
using System.Text;

namespace Ttn.Provisioning.Tenancy;

/// <summary>Webhook secrets: made from the system's cryptographic random source, compared in constant time.</summary>
internal static class WebhookSecrets
{
    /// <summary>A new secret: 32 random bytes as 64 lower-case hex characters.</summary>
    public static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>Compares a presented secret with the stored one in time that does not depend on where they differ.</summary>
    public static bool FixedTimeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
