namespace Ttn.Provisioning.Secrets;

/// <summary>What re-protecting one stored value did (see <see cref="Storage.CredentialStoreReprotector"/>).</summary>
internal enum ReprotectOutcome
{
    /// <summary>Nothing was stored; nothing to do.</summary>
    Empty = 0,

    /// <summary>
    /// The value was already sealed with the primary key (it opened without <see cref="SafeDecrypt.RequiresReprotect"/>); it is
    /// unchanged.
    /// </summary>
    AlreadyCurrent = 1,

    /// <summary>
    /// The value opened with <see cref="SafeDecrypt.RequiresReprotect"/> (sealed with an older key or in a legacy format) and
    /// has been sealed again with <see cref="ISecretProtector.Protect"/>.
    /// </summary>
    Reprotected = 2,

    /// <summary>The value could not be opened; it is unchanged, and <see cref="SafeDecryptFailureReason"/> says why.</summary>
    Failed = 3,
}
