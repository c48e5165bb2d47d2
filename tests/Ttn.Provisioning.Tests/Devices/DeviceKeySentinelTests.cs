using Ttn.Provisioning.Devices;
using static Ttn.Provisioning.Tests.Devices.DeviceTestData;

namespace Ttn.Provisioning.Tests.Devices;

/// <summary>
/// No AppKey or NwkKey, nor any 6-character piece of one, appears in an error message, an error's ToString(), or the
/// ToString() of a definition, a row or a result, whatever column the key was typed into.
/// </summary>
public sealed class DeviceKeySentinelTests
{
    private const string SecretAppKey = "A7C93E51B2D84F60A7C93E51B2D84F6E";
    private const string SecretNwkKey = "5E1F0B3C9D2A48765E1F0B3C9D2A487B";

    private static readonly string[] _keys = [SecretAppKey, SecretNwkKey];

    private static void AssertNoKeyIn(string text)
    {
        foreach (var key in _keys)
        {
            for (var i = 0; i + 6 <= key.Length; i++)
            {
                Assert.DoesNotContain(key.Substring(i, 6), text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    private static IEnumerable<string> Texts(ThingsStackCsvReadResult result)
    {
        yield return result.ToString();
        foreach (var error in result.FileErrors.Concat(result.Rows.SelectMany(r => r.Errors)))
        {
            yield return error.Message;
            yield return error.ToString();
        }

        foreach (var row in result.Rows)
        {
            yield return row.ToString();
            yield return row.Definition?.ToString() ?? string.Empty;
        }
    }

    [Fact]
    public void A_definitions_ToString_shows_only_whether_each_key_is_set()
    {
        var text = (Valid() with { AppKey = SecretAppKey, NwkKey = SecretNwkKey }).ToString();

        AssertNoKeyIn(text);
        Assert.Contains("AppKey = (set)", text, StringComparison.Ordinal);
        Assert.Contains("DevEui = 70B3D57ED0000001", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_validation_result_with_keys_shows_no_key()
    {
        var result = EndDeviceValidator.Validate(Valid() with { AppKey = SecretAppKey.ToLowerInvariant(), NwkKey = SecretNwkKey });

        Assert.True(result.IsValid);
        AssertNoKeyIn(result.ToString());
    }

    [Fact]
    public void Validation_errors_about_keys_and_about_keys_in_the_wrong_field_show_no_key()
    {
        var result = EndDeviceValidator.Validate(new EndDeviceDefinition
        {
            DeviceId = SecretNwkKey,
            DevEui = SecretAppKey,
            JoinEui = SecretNwkKey[..16],
            AppKey = SecretAppKey + "0",
            NwkKey = SecretNwkKey[..31],
            Name = SecretAppKey + new string('x', 40),
            LorawanVersion = SecretAppKey,
        });

        Assert.Equal(6, result.Errors.Count);
        Assert.All(result.Errors, e => AssertNoKeyIn(e.ToString()));
        AssertNoKeyIn(result.ToString());
    }

    [Fact]
    public async Task No_key_appears_in_any_text_of_a_CSV_read_with_valid_and_invalid_rows()
    {
        var result = await ReadAsync(
            "id;dev_eui;join_eui;app_key;nwk_key;lorawan_version;dev_addr;app_s_key\n"
            + $"dev-1;0000000000000001;0000000000000000;{SecretAppKey};{SecretNwkKey};MAC_V1_1;;\n"
            + $"dev-2;{SecretAppKey};0000000000000000;{SecretAppKey[..30]};{SecretNwkKey}0;MAC_V1_1;;\n"
            + $"dev-3;0000000000000003;0000000000000000;{SecretAppKey};;MAC_V1_0_3;01020304;{SecretNwkKey}\n"
            + $"dev-4;0000000000000004;0000000000000000;{SecretAppKey};;{SecretNwkKey};;\n"
            + $"dev-1;0000000000000005;0000000000000000;{SecretAppKey};;;;\n"
            + $"dev-6;0000000000000006;\"{SecretAppKey}\n");

        Assert.Equal([true, false, false, false, false, false], result.Rows.Select(r => r.IsValid));
        Assert.All(Texts(result), AssertNoKeyIn);
    }
}
