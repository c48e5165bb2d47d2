using System.Collections.Frozen;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Devices;

/// <summary>
/// Checks an <see cref="EndDeviceDefinition"/> against every rule The Things Stack applies to these fields, and returns
/// the normalised definition or all the errors at once (The Things Stack's <c>end_device.proto</c> and
/// <c>identifiers.proto</c> validation rules; the Join Server's checks on EUIs and root keys).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Device id: the TTS identifier rule and reserved words (<see cref="ThingsStackIds"/>); when absent it is
/// derived as <c>eui-</c> + the DevEUI in lower case.</item>
/// <item>DevEUI and JoinEUI: 16 hexadecimal characters in either case, returned in upper case. A zero DevEUI is refused
/// (the Join Server answers <c>no_dev_eui</c>); a zero JoinEUI is accepted (the Join Server takes it, and TTS advises
/// it for devices without one).</item>
/// <item>AppKey (always) and NwkKey (for <c>MAC_V1_1</c>; optional otherwise): 32 hexadecimal characters, not all
/// zero, returned in upper case.</item>
/// <item>MAC and PHY versions: an enum name of the TTS API or one of the short forms TTS also parses
/// (<c>1.0.3</c>, <c>V1_0_3</c>), returned as the enum name; <c>*_UNKNOWN</c> and numbers are refused. Whether a PHY
/// version suits the MAC version and frequency plan is left to the Network Server.</item>
/// <item>Lengths count Unicode characters, as TTS does: name 50, description 2000, frequency plan id 64, hardware
/// and firmware version and band id 32; attributes at most 10, keys by the identifier rule, values at most 200.</item>
/// </list>
/// Empty strings count as absent. The frequency plan id is not checked against the Network Server's list.
/// </remarks>
public static class EndDeviceValidator
{
    private const int MaxNameLength = 50;
    private const int MaxDescriptionLength = 2000;
    private const int MaxFrequencyPlanIdLength = 64;
    private const int MaxVersionLength = 32;
    private const int MaxAttributes = 10;
    private const int MaxAttributeValueLength = 200;

    private static readonly EndDeviceVersionIds _noVersionIds = new();

    private static readonly string IdentifierRule =
        $"must be 3 to {ThingsStackIds.MaxLength} lower-case letters, digits and single hyphens between them.";

    /// <summary>Checks every rule and normalises the definition.</summary>
    /// <param name="definition">The definition as the caller or a file gave it.</param>
    /// <returns>The normalised definition, or every error (never a key's value).</returns>
    public static EndDeviceValidationResult Validate(EndDeviceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<EndDeviceInputError>();

        var devEui = Eui(definition.DevEui, EndDeviceFields.DevEui, allowZero: false, errors);
        var joinEui = Eui(definition.JoinEui, EndDeviceFields.JoinEui, allowZero: true, errors);
        var deviceId = DeviceId(definition.DeviceId, devEui, errors);
        var macVersion = Version(definition.LorawanVersion, LorawanVersionNames.Mac, EndDeviceFields.LorawanVersion, errors);
        var phyVersion = Version(definition.LorawanPhyVersion, LorawanVersionNames.Phy, EndDeviceFields.LorawanPhyVersion, errors);
        var appKey = Key(definition.AppKey, EndDeviceFields.AppKey, required: true, errors);
        var nwkKey = Key(definition.NwkKey, EndDeviceFields.NwkKey, required: macVersion == LorawanVersionNames.MacV11, errors);
        var frequencyPlanId = Text(definition.FrequencyPlanId, EndDeviceFields.FrequencyPlanId, MaxFrequencyPlanIdLength, errors);
        var name = Text(definition.Name, EndDeviceFields.Name, MaxNameLength, errors);
        var description = Text(definition.Description, EndDeviceFields.Description, MaxDescriptionLength, errors);
        var attributes = Attributes(definition.Attributes, errors);
        var versionIds = VersionIds(definition.VersionIds, errors);

        if (errors.Count > 0)
        {
            return new EndDeviceValidationResult { Errors = errors };
        }

        return new EndDeviceValidationResult
        {
            Definition = new EndDeviceDefinition
            {
                DeviceId = deviceId,
                DevEui = devEui!,
                JoinEui = joinEui!,
                AppKey = appKey,
                NwkKey = nwkKey,
                LorawanVersion = macVersion,
                LorawanPhyVersion = phyVersion,
                FrequencyPlanId = frequencyPlanId,
                Name = name,
                Description = description,
                Attributes = attributes,
                VersionIds = versionIds,
            },
        };
    }

    private static string? DeviceId(string? value, string? devEui, List<EndDeviceInputError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            // "eui-" + 16 hex digits is always a valid, unreserved id.
            return devEui is null ? null : "eui-" + devEui.ToLowerInvariant();
        }

        if (ThingsStackIds.IsReserved(value))
        {
            return Fail(errors, EndDeviceFields.DeviceId, "The device id is a word The Things Stack reserves.");
        }

        return ThingsStackIds.IsValid(value)
            ? value
            : Fail(errors, EndDeviceFields.DeviceId, "A device id " + IdentifierRule);
    }

    private static string? Eui(string? value, string field, bool allowZero, List<EndDeviceInputError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Fail(errors, field, "The EUI is required.");
        }

        if (!Hex.IsHex(value, 16))
        {
            return Fail(errors, field, "An EUI must be exactly 16 hexadecimal characters (8 bytes), without separators.");
        }

        return allowZero || !Hex.IsZero(value)
            ? value.ToUpperInvariant()
            : Fail(errors, field, "The DevEUI must not be zero.");
    }

    private static string? Key(string? value, string field, bool required, List<EndDeviceInputError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return required ? Fail(errors, field, "The key is required.") : null;
        }

        if (!Hex.IsHex(value, 32))
        {
            return Fail(errors, field, "A key must be exactly 32 hexadecimal characters (16 bytes), without separators.");
        }

        return Hex.IsZero(value) ? Fail(errors, field, "A key must not be all zeros.") : value.ToUpperInvariant();
    }

    private static string? Version(
        string? value, Func<string, string?> lookUp, string field, List<EndDeviceInputError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var name = lookUp(value);
        return name ?? Fail(errors, field, field == EndDeviceFields.LorawanVersion
            ? "Not a LoRaWAN MAC version The Things Stack knows (for example MAC_V1_0_3 or MAC_V1_0_4)."
            : "Not a LoRaWAN PHY version The Things Stack knows (for example RP001_V1_0_3_REV_A or RP002_V1_0_3).");
    }

    private static string? Text(string? value, string field, int maxLength, List<EndDeviceInputError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return CharacterCount(value) <= maxLength ? value : Fail(errors, field, $"At most {maxLength} characters.");
    }

    private static string? Identifier(string? value, string field, List<EndDeviceInputError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return IsIdentifier(value) ? value : Fail(errors, field, "An id " + IdentifierRule);
    }

    // The identifier rule without the reserved words, which apply to entity ids only: every reserved word matches the
    // pattern, so "valid or reserved" is exactly "matches the pattern and the length".
    private static bool IsIdentifier(string value) => ThingsStackIds.IsValid(value) || ThingsStackIds.IsReserved(value);

    private static FrozenDictionary<string, string>? Attributes(
        IReadOnlyDictionary<string, string>? attributes, List<EndDeviceInputError> errors)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return null;
        }

        var before = errors.Count;
        if (attributes.Count > MaxAttributes)
        {
            Fail(errors, EndDeviceFields.Attributes, $"At most {MaxAttributes} attributes.");
        }

        foreach (var (key, value) in attributes)
        {
            if (!IsIdentifier(key))
            {
                Fail(errors, EndDeviceFields.Attributes, "An attribute key: " + IdentifierRule);
            }

            if (value is null || CharacterCount(value) > MaxAttributeValueLength)
            {
                Fail(errors, EndDeviceFields.Attributes,
                    $"An attribute value must be set and at most {MaxAttributeValueLength} characters.");
            }
        }

        return errors.Count > before ? null : attributes.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static EndDeviceVersionIds? VersionIds(EndDeviceVersionIds? ids, List<EndDeviceInputError> errors)
    {
        if (ids is null)
        {
            return null;
        }

        var normalised = new EndDeviceVersionIds
        {
            BrandId = Identifier(ids.BrandId, EndDeviceFields.BrandId, errors),
            ModelId = Identifier(ids.ModelId, EndDeviceFields.ModelId, errors),
            HardwareVersion = Text(ids.HardwareVersion, EndDeviceFields.HardwareVersion, MaxVersionLength, errors),
            FirmwareVersion = Text(ids.FirmwareVersion, EndDeviceFields.FirmwareVersion, MaxVersionLength, errors),
            BandId = Text(ids.BandId, EndDeviceFields.BandId, MaxVersionLength, errors),
        };
        return normalised == _noVersionIds ? null : normalised;
    }

    // TTS (protoc-gen-validate) counts runes, so a character outside the BMP counts once, not twice.
    private static int CharacterCount(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static string? Fail(List<EndDeviceInputError> errors, string field, string message)
    {
        errors.Add(new EndDeviceInputError(message) { Field = field });
        return null;
    }
}
