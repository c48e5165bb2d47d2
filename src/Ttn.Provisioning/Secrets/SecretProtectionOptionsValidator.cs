using Microsoft.Extensions.Options;

namespace Ttn.Provisioning.Secrets;

/// <summary>
/// Checks a <see cref="SecretProtectionOptions"/> key ring: at least one key, every id well-formed and unique,
/// every key exactly 32 bytes of base64, a primary key that is in the ring, and the legacy salt and migration window
/// set together.
/// Messages name the key id and the problem, never the key.
/// </summary>
internal sealed class SecretProtectionOptionsValidator : IValidateOptions<SecretProtectionOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SecretProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Keys.Count == 0)
        {
            failures.Add(
                "The secret key ring is empty: add at least one key to SecretProtectionOptions.Keys "
                    + "(SecretProtectionOptions.GenerateKey() makes one).");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            if (key is null)
            {
                failures.Add($"Secret key #{i} is null.");
                continue;
            }

            if (!IsValidKeyId(key.Id))
            {
                failures.Add(
                    $"Secret key #{i} has an invalid id: it must be 1 to {SecretProtectionOptions.MaxKeyIdLength} characters "
                    + "from A-Z, a-z, 0-9, '-' and '_'.");
                continue;
            }

            if (!seen.Add(key.Id))
            {
                failures.Add($"Secret key id '{key.Id}' is used more than once.");
            }

            var length = DecodedKeyLength(key.Key);
            if (length < 0)
            {
                failures.Add($"Secret key '{key.Id}' is not valid base64.");
            }
            else if (length != SecretProtectionOptions.KeySizeInBytes)
            {
                failures.Add(
                    $"Secret key '{key.Id}' is {length} bytes long; "
                    + $"AES-256-GCM needs exactly {SecretProtectionOptions.KeySizeInBytes} bytes.");
            }
        }

        if (string.IsNullOrEmpty(options.PrimaryKeyId))
        {
            failures.Add(
                "No primary secret key is set: set SecretProtectionOptions.PrimaryKeyId to the id of the key that seals new secrets.");
        }
        else if (!options.Keys.Any(k => k is not null && string.Equals(k.Id, options.PrimaryKeyId, StringComparison.Ordinal)))
        {
            failures.Add(
                $"The primary secret key id '{(IsValidKeyId(options.PrimaryKeyId) ? options.PrimaryKeyId : "(invalid id)")}' "
                + "is not in the key ring.");
        }

        if (options.LegacySalt is not null && options.AllowLegacyFormatsUntil is null)
        {
            failures.Add("SecretProtectionOptions.LegacySalt is set but AllowLegacyFormatsUntil is not: legacy formats (b64:, v2:, v1) " +
                "are read only during a time-limited migration. Set AllowLegacyFormatsUntil to when the migration ends, or remove " +
                "LegacySalt once a re-protect sweep reports no legacy values left.");
        }
        else if (options.LegacySalt is null && options.AllowLegacyFormatsUntil is not null)
        {
            failures.Add("SecretProtectionOptions.AllowLegacyFormatsUntil is set but LegacySalt is not: set LegacySalt to the salt of " +
                "the system being replaced (the empty string if it had none), or remove AllowLegacyFormatsUntil.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsValidKeyId(ReadOnlySpan<char> id)
    {
        if (id.IsEmpty || id.Length > SecretProtectionOptions.MaxKeyIdLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The decoded length of base64 text, or -1 when it is not base64. The decoded bytes are wiped.</summary>
    private static int DecodedKeyLength(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return 0;
        }

        var buffer = new byte[(base64.Length * 3 / 4) + 3];
        try
        {
            return Convert.TryFromBase64String(base64, buffer, out var written) ? written : -1;
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(buffer);
        }
    }
}
