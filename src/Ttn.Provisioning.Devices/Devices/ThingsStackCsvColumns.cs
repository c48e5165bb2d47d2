using System.Collections.Frozen;

namespace Ttn.Provisioning.Devices;

/// <summary>What the reader does with a column The Things Stack CSV format knows.</summary>
internal enum ThingsStackCsvColumnKind
{
    /// <summary>Read into the <see cref="EndDeviceDefinition"/> field it names.</summary>
    Field = 0,

    /// <summary>An activation-by-personalisation column: a non-empty value makes the row an error (ABP is not supported).</summary>
    Abp = 1,

    /// <summary>A column TTS knows that the definition cannot carry: a non-empty value makes the row an error.</summary>
    Unsupported = 2,
}

/// <summary>The columns of The Things Stack CSV format (The Things Stack's <c>pkg/devicetemplates/ttscsv.go</c>).</summary>
internal static class ThingsStackCsvColumns
{
    private static readonly (string Name, ThingsStackCsvColumnKind Kind, string? Field)[] _columns =
    [
        ("id", ThingsStackCsvColumnKind.Field, EndDeviceFields.DeviceId),
        ("dev_eui", ThingsStackCsvColumnKind.Field, EndDeviceFields.DevEui),
        ("join_eui", ThingsStackCsvColumnKind.Field, EndDeviceFields.JoinEui),
        ("app_eui", ThingsStackCsvColumnKind.Field, EndDeviceFields.JoinEui),
        ("name", ThingsStackCsvColumnKind.Field, EndDeviceFields.Name),
        ("description", ThingsStackCsvColumnKind.Field, EndDeviceFields.Description),
        ("frequency_plan_id", ThingsStackCsvColumnKind.Field, EndDeviceFields.FrequencyPlanId),
        ("lorawan_version", ThingsStackCsvColumnKind.Field, EndDeviceFields.LorawanVersion),
        ("lorawan_phy_version", ThingsStackCsvColumnKind.Field, EndDeviceFields.LorawanPhyVersion),
        ("brand_id", ThingsStackCsvColumnKind.Field, EndDeviceFields.BrandId),
        ("model_id", ThingsStackCsvColumnKind.Field, EndDeviceFields.ModelId),
        ("hardware_version", ThingsStackCsvColumnKind.Field, EndDeviceFields.HardwareVersion),
        ("firmware_version", ThingsStackCsvColumnKind.Field, EndDeviceFields.FirmwareVersion),
        ("band_id", ThingsStackCsvColumnKind.Field, EndDeviceFields.BandId),
        ("app_key", ThingsStackCsvColumnKind.Field, EndDeviceFields.AppKey),
        ("nwk_key", ThingsStackCsvColumnKind.Field, EndDeviceFields.NwkKey),
        ("dev_addr", ThingsStackCsvColumnKind.Abp, null),
        ("app_s_key", ThingsStackCsvColumnKind.Abp, null),
        ("f_nwk_s_int_key", ThingsStackCsvColumnKind.Abp, null),
        ("last_f_cnt_up", ThingsStackCsvColumnKind.Abp, null),
        ("last_n_f_cnt_down", ThingsStackCsvColumnKind.Abp, null),
        ("last_a_f_cnt_down", ThingsStackCsvColumnKind.Abp, null),
        ("vendor_id", ThingsStackCsvColumnKind.Unsupported, null),
        ("vendor_profile_id", ThingsStackCsvColumnKind.Unsupported, null),
        ("rx1_delay", ThingsStackCsvColumnKind.Unsupported, null),
        ("supports_32_bit_f_cnt", ThingsStackCsvColumnKind.Unsupported, null),
        ("supports_class_c", ThingsStackCsvColumnKind.Unsupported, null),
    ];

    private static readonly FrozenDictionary<string, (string Name, ThingsStackCsvColumnKind Kind, string? Field)> _byName =
        _columns.ToFrozenDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

    // The column each field is read from (for join_eui: its own name, not the alias), for errors about a field whose
    // column the file does not have.
    private static readonly FrozenDictionary<string, string> _nameByField = _columns
        .Where(c => c.Field is not null)
        .DistinctBy(c => c.Field)
        .ToFrozenDictionary(c => c.Field!, c => c.Name, StringComparer.Ordinal);

    /// <summary>The columns a file must have for any row to be valid, by field.</summary>
    public static IReadOnlyList<string> RequiredFields { get; } =
        [EndDeviceFields.DevEui, EndDeviceFields.JoinEui, EndDeviceFields.AppKey];

    /// <summary>Looks a header name up without regard to case.</summary>
    public static bool TryFind(string name, out (string Name, ThingsStackCsvColumnKind Kind, string? Field) column)
        => _byName.TryGetValue(name, out column);

    /// <summary>The canonical column name for a field, or <see langword="null"/> for a field no column holds.</summary>
    public static string? NameOf(string field) => _nameByField.GetValueOrDefault(field);
}
