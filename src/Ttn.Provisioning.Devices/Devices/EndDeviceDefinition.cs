using System.Text;

namespace Ttn.Provisioning.Devices;

/// <summary>
/// An over-the-air-activated (OTAA) end device as the caller describes it, before it is registered on The Things Stack.
/// Run it through <see cref="EndDeviceValidator.Validate"/> to check every TTS rule and get its normalised form
/// (upper-case hex, derived device id, canonical version names).
/// </summary>
/// <remarks>
/// <para>
/// <see cref="AppKey"/> and <see cref="NwkKey"/> are secrets. They are held as plain strings because they travel to
/// the Join Server as hex strings in JSON anyway; a string cannot be wiped from memory, so keep definitions no longer
/// than the import needs them. <see cref="object.ToString"/> (and so every log line or exception that formats a
/// definition) shows only whether a key is set, never the key or any part of it.
/// </para>
/// <para>
/// <see cref="FrequencyPlanId"/>, <see cref="LorawanVersion"/>, <see cref="LorawanPhyVersion"/> and
/// <see cref="VersionIds"/> may be absent: a bulk import supplies defaults for them, as the TTS Console's "fallback
/// values" do. Apply the defaults, then validate again.
/// </para>
/// <para>Record equality compares <see cref="Attributes"/> by reference, not by content.</para>
/// </remarks>
public sealed record EndDeviceDefinition
{
    /// <summary>
    /// The device id (TTS <c>ids.device_id</c>). When absent, validation derives <c>eui-</c> followed by the DevEUI in
    /// lower case, as The Things Stack's own CSV importer does.
    /// </summary>
    public string? DeviceId { get; init; }

    /// <summary>The DevEUI: 16 hexadecimal characters in either case, without separators (TTS <c>ids.dev_eui</c>).</summary>
    public required string DevEui { get; init; }

    /// <summary>
    /// The JoinEUI (called AppEUI before LoRaWAN 1.1): 16 hexadecimal characters (TTS <c>ids.join_eui</c>).
    /// <c>0000000000000000</c> is accepted: the Join Server accepts a zero JoinEUI, and TTS advises it for devices
    /// whose maker provides none.
    /// </summary>
    public required string JoinEui { get; init; }

    /// <summary>The AppKey, 32 hexadecimal characters. A secret; required for OTAA.</summary>
    public string? AppKey { get; init; }

    /// <summary>The NwkKey, 32 hexadecimal characters. A secret; required for LoRaWAN 1.1 (<c>MAC_V1_1</c>).</summary>
    public string? NwkKey { get; init; }

    /// <summary>The LoRaWAN MAC version, for example <c>MAC_V1_0_3</c>; absent means "the import's default".</summary>
    public string? LorawanVersion { get; init; }

    /// <summary>
    /// The LoRaWAN regional parameters (PHY) version, for example <c>RP001_V1_0_3_REV_A</c> or <c>RP002_V1_0_3</c>;
    /// absent means "the import's default".
    /// </summary>
    public string? LorawanPhyVersion { get; init; }

    /// <summary>The frequency plan, for example <c>EU_863_870_TTN</c>; absent means "the import's default".</summary>
    public string? FrequencyPlanId { get; init; }

    /// <summary>A display name, at most 50 characters.</summary>
    public string? Name { get; init; }

    /// <summary>A description, at most 2000 characters.</summary>
    public string? Description { get; init; }

    /// <summary>At most 10 attributes; keys follow the identifier rule, values are at most 200 characters.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>The device model in the LoRaWAN Device Repository; absent means "the import's default".</summary>
    public EndDeviceVersionIds? VersionIds { get; init; }

    /// <summary>
    /// Whether <see cref="IDeviceService.RegisterDeviceAsync"/> answers the root keys sealed with the library's key ring
    /// (bound to the tenant and to <see cref="Secrets.SecretField.DeviceAppKey"/> or
    /// <see cref="Secrets.SecretField.DeviceNwkKey"/>), for the host to keep and open later with its secret protector.
    /// The library itself never keeps them. Not read by an import.
    /// </summary>
    public bool SealRootKeys { get; init; }

    // Replaces the compiler-generated member list, which would print both keys.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("DeviceId = ").Append(DeviceId)
            .Append(", DevEui = ").Append(DevEui)
            .Append(", JoinEui = ").Append(JoinEui)
            .Append(", AppKey = ").Append(AppKey is null ? "(none)" : "(set)")
            .Append(", NwkKey = ").Append(NwkKey is null ? "(none)" : "(set)")
            .Append(", LorawanVersion = ").Append(LorawanVersion)
            .Append(", LorawanPhyVersion = ").Append(LorawanPhyVersion)
            .Append(", FrequencyPlanId = ").Append(FrequencyPlanId)
            .Append(", Name = ").Append(Name)
            .Append(", Attributes = ").Append(Attributes?.Count ?? 0)
            .Append(", VersionIds = ").Append(VersionIds);
        return true;
    }
}
