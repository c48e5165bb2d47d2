namespace Ttn.Provisioning.Secrets;

/// <summary>The outcome of opening a stored secret.</summary>
public enum SafeDecryptStatus
{
    /// <summary>Nothing is stored for the secret (null or empty text).</summary>
    Empty = 0,

    /// <summary>The secret was opened; <see cref="SafeDecrypt.Value"/> holds it.</summary>
    Decrypted = 1,

    /// <summary>Something is stored but could not be opened; <see cref="SafeDecrypt.FailureReason"/> says why.</summary>
    Failed = 2,
}
