namespace Ttn.Provisioning.Storage;

/// <summary>
/// An API key the library keeps for a tenant: the key sealed (see <see cref="Secrets.ISecretProtector"/>), its last four
/// characters, and its id on The Things Stack (the middle part of the key, which is not secret).
/// </summary>
public sealed class StoredApiKey
{
    /// <summary>Creates a <see cref="StoredApiKey"/>.</summary>
    /// <param name="sealedKey">The sealed key.</param>
    /// <param name="lastFour">The key's last four characters, recorded when it was stored.</param>
    /// <param name="keyId">The key's id on The Things Stack, when known.</param>
    public StoredApiKey(string sealedKey, string? lastFour, string? keyId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sealedKey);
        Sealed = sealedKey;
        LastFour = lastFour;
        KeyId = keyId;
    }

    /// <summary>The sealed key.</summary>
    public string Sealed { get; }

    /// <summary>The key's last four characters, recorded when it was stored.</summary>
    public string? LastFour { get; }

    /// <summary>The key's id on The Things Stack, when known.</summary>
    public string? KeyId { get; }

    /// <summary>Shows the key id and the last four characters; never the sealed key.</summary>
    public override string ToString() => $"StoredApiKey {{ KeyId = {KeyId ?? "none"}, LastFour = {LastFour ?? "none"} }}";
}
