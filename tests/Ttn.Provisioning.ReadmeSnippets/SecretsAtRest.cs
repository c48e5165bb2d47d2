using Microsoft.Extensions.Options;
using Ttn.Provisioning.Secrets;

/// <summary>The README's "Secrets at rest" example, verbatim between the markers; <c>apiKey</c> is the secret it seals.</summary>
internal static class SecretsAtRest
{
    public static void Show(string apiKey)
    {
        // README:BEGIN
        var ring = new SecretProtectionOptions { PrimaryKeyId = "2026-11" };
        ring.Keys.Add(new SecretKeyOptions { Id = "2026-11", Key = SecretProtectionOptions.GenerateKey() });
        using var protector = new AesGcmSecretProtector(Options.Create(ring));

        var context = new SecretContext("tenant-42", SecretField.ApplicationApiKey);
        string token = protector.Protect(apiKey, context);      // store this

        SafeDecrypt opened = protector.Unprotect(token, context);
        if (opened.TryGetValue(out var key)) { /* use key */ }
        else if (opened.Status == SafeDecryptStatus.Failed) { /* opened.FailureReason says why */ }
        // README:END
    }
}
