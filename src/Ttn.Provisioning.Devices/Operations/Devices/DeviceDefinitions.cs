using Ttn.Provisioning.Devices;

namespace Ttn.Provisioning.Operations;

/// <summary>Gets a device definition ready to register: defaults applied, every rule checked, every field needed present.</summary>
internal static class DeviceDefinitions
{
    /// <summary>Applies the defaults to what a definition leaves out, validates it, and checks what the Network Server needs.</summary>
    /// <returns>The normalised definition, or the errors (never a key's value).</returns>
    public static (EndDeviceDefinition? Device, IReadOnlyList<EndDeviceInputError> Errors) Prepare(
        EndDeviceDefinition device, DeviceImportOptions? defaults)
    {
        ArgumentNullException.ThrowIfNull(device);
        var withDefaults = defaults is null
            ? device
            : device with
            {
                FrequencyPlanId = Or(device.FrequencyPlanId, defaults.FrequencyPlanId),
                LorawanVersion = Or(device.LorawanVersion, defaults.LorawanVersion),
                LorawanPhyVersion = Or(device.LorawanPhyVersion, defaults.LorawanPhyVersion),
            };
        var validation = EndDeviceValidator.Validate(withDefaults);
        var errors = new List<EndDeviceInputError>(validation.Errors);
        Require(withDefaults.FrequencyPlanId, "frequency_plan_id", "frequency plan", nameof(DeviceImportOptions.FrequencyPlanId), errors);
        Require(
            withDefaults.LorawanVersion, "lorawan_version", "LoRaWAN MAC version", nameof(DeviceImportOptions.LorawanVersion), errors);
        Require(
            withDefaults.LorawanPhyVersion,
            "lorawan_phy_version",
            "LoRaWAN PHY version",
            nameof(DeviceImportOptions.LorawanPhyVersion),
            errors);
        return errors.Count == 0 ? (validation.Definition, []) : (null, errors);
    }

    /// <summary>Prepares a definition given to a single call: an invalid one is misuse.</summary>
    /// <exception cref="ArgumentException">The definition breaks a rule (the message names the fields, never a value).</exception>
    public static EndDeviceDefinition PrepareOrThrow(EndDeviceDefinition device, string paramName)
    {
        var (prepared, errors) = Prepare(device, defaults: null);
        return prepared ?? throw new ArgumentException(
            "The device definition is not valid: " + string.Join("; ", errors.Select(e => e.ToString())), paramName);
    }

    private static string? Or(string? value, string? fallback) => string.IsNullOrEmpty(value) ? fallback : value;

    private static void Require(string? value, string field, string what, string option, List<EndDeviceInputError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            var message = $"The {what} is required: give it for the device, or for the whole import in DeviceImportOptions.{option}.";
            errors.Add(new EndDeviceInputError(message)
            {
                Field = field,
            });
        }
    }
}
