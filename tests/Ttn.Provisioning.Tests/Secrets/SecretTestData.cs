using Microsoft.Extensions.Options;
using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning.Tests.Secrets;

/// <summary>Recognisable secrets and key rings for the secret tests.</summary>
internal static class SecretTestData
{
    /// <summary>A well-formed TTS API key (98 characters).</summary>
    public const string ApiKey = "NNSXS.ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFG.ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGHIJKLMNOPQRST";

    public const string WebhookSecret = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c";

    public const string LegacySalt = "freshtrack-salt-2025";

    public static readonly SecretContext TenantAApiKey = new("tenant-a", SecretField.ApplicationApiKey);

    public static SecretProtectionOptions Ring(string primary, params string[] ids)
    {
        var options = new SecretProtectionOptions { PrimaryKeyId = primary };
        foreach (var id in ids)
        {
            options.Keys.Add(new SecretKeyOptions { Id = id, Key = KeyFor(id) });
        }

        return options;
    }

    public static AesGcmSecretProtector Protector(string primary = "k1", params string[] ids) =>
        new(Options.Create(Ring(primary, ids.Length == 0 ? [primary] : ids)));

    public static AesGcmSecretProtector Protector(SecretProtectionOptions options) => new(Options.Create(options));

    /// <summary>A deterministic 32-byte key per id, so that two protectors built from the same ids agree.</summary>
    public static string KeyFor(string id)
    {
        var bytes = new byte[SecretProtectionOptions.KeySizeInBytes];
        var seed = System.Text.Encoding.UTF8.GetBytes(id);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(seed[i % seed.Length] * 31 + i);
        }

        return Convert.ToBase64String(bytes);
    }
}
