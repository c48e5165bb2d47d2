using NSubstitute;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Gateways;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Testing.Tests;

/// <summary>The device model factory builds, for a host's tests, the device and gateway results a host cannot construct.</summary>
public sealed class DeviceModelFactoryTests
{
    private static readonly DateTimeOffset Instant = ProvisioningModelFactoryTests.Instant;

    private static readonly ProvisioningCaller Caller = new("acme", "alice", TenantRole.Manager);

    public static TheoryData<string> FactoryMethods() => ModelFactoryAssert.MethodNames(typeof(DeviceModelFactory));

    [Fact]
    public async Task A_substitute_device_service_answers_with_a_device_built_by_the_factory()
    {
        var devices = Substitute.For<IDeviceService>();
        var device = DeviceModelFactory.EndDeviceInfo(deviceId: "sensor-1", applicationId: "acme-app", devEui: "70B3D57ED0000001");
        devices.GetDeviceAsync(Caller, "sensor-1", Arg.Any<CancellationToken>())
            .Returns(DeviceModelFactory.DeviceReadResult(tenantId: "acme", device: device));

        var result = await devices.GetDeviceAsync(Caller, "sensor-1");

        Assert.Equal((ProvisioningOutcome.Succeeded, "acme"), (result.Outcome, result.TenantId));
        Assert.Equal(
            ("sensor-1", "acme-app", "70B3D57ED0000001"), (result.Device!.DeviceId, result.Device.ApplicationId, result.Device.DevEui));
    }

    [Fact]
    public async Task A_substitute_gateway_service_answers_with_a_status_built_by_the_factory()
    {
        var gateways = Substitute.For<IGatewayService>();
        gateways.GetGatewayStatusAsync(Caller, Arg.Any<IReadOnlyCollection<string>?>(), Arg.Any<CancellationToken>())
            .Returns(DeviceModelFactory.GatewayStatusResult(
                tenantId: "acme", gateways: [DeviceModelFactory.GatewayStatus(gatewayId: "roof", isConnected: true, isOnline: true)]));

        var result = await gateways.GetGatewayStatusAsync(Caller);

        Assert.Equal(("roof", true), (Assert.Single(result.Gateways).GatewayId, result.Gateways[0].IsOnline));
    }

    [Theory]
    [MemberData(nameof(FactoryMethods))]
    public void Each_factory_method_carries_every_argument_to_the_property_of_the_same_name(string name)
        => ModelFactoryAssert.CarriesEveryArgument(typeof(DeviceModelFactory), name, SampleOf);

    [Fact]
    public void Every_result_the_device_and_gateway_services_answer_with_has_a_factory_method()
    {
        Assert.Empty(ModelFactoryAssert.ResultsWithoutFactoryMethod(typeof(IDeviceService), typeof(DeviceModelFactory)));
        Assert.Empty(ModelFactoryAssert.ResultsWithoutFactoryMethod(typeof(IGatewayService), typeof(DeviceModelFactory)));
    }

    [Fact]
    public void Every_device_package_type_a_host_cannot_construct_has_a_factory_method()
    {
        // The CSV reader is opened from a stream (ThingsStackCsvReader.OpenAsync), not built from values.
        var outputOnly = typeof(IDeviceService).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.GetConstructors().Length == 0 && t != typeof(ThingsStackCsvReader));

        Assert.DoesNotContain(outputOnly, t => typeof(DeviceModelFactory).GetMethod(t.Name)?.ReturnType != t);
    }

    [Fact]
    public void Arguments_left_out_take_the_values_the_library_starts_from()
    {
        var import = DeviceModelFactory.DeviceImportResult();
        var gateway = DeviceModelFactory.GatewayRegistrationResult();

        Assert.Equal(
            (ProvisioningOutcome.Succeeded, 0, 0, 0), (import.Outcome, import.Rows.Count, import.ValidationErrors.Count, import.Failed));
        Assert.Equal((SafeDecryptStatus.Empty, 0), (gateway.LnsApiKey.Status, gateway.Warnings.Count));
        Assert.True(DeviceModelFactory.ThingsStackCsvReadResult().IsValid);
        Assert.False(DeviceModelFactory.EndDeviceValidationResult().IsValid);
    }

    [Fact]
    public void Counts_of_a_factory_built_import_follow_its_rows()
    {
        var result = DeviceModelFactory.DeviceImportResult(rows:
        [
            new DeviceImportRow { Row = 1, DeviceId = "a", Outcome = DeviceOutcome.Registered },
            new DeviceImportRow { Row = 2, DeviceId = "b", Outcome = DeviceOutcome.Conflict, Reason = "taken" },
        ]);

        Assert.Equal((1, 1, 0), (result.Registered, result.Conflicts, result.Failed));
    }

    [Fact]
    public void A_factory_built_gateway_registration_shows_no_more_of_its_lns_key_than_the_last_four_characters()
    {
        var result = DeviceModelFactory.GatewayRegistrationResult(lnsApiKey: SafeDecrypt.Decrypted("NNSXS.the-whole-lns-key-WXYZ"));

        Assert.DoesNotContain("the-whole-lns-key", result.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A value of <paramref name="type"/> that no factory parameter has as its default; the core's samples otherwise.</summary>
    private static object SampleOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(long) => 11L,
        var t when t == typeof(double) => 2.5,
        var t when t == typeof(TimeSpan) => TimeSpan.FromSeconds(90),
        var t when t == typeof(DeviceOutcome) => DeviceOutcome.RolledBack,
        var t when t == typeof(DeviceRegistries) => DeviceRegistries.JoinServer | DeviceRegistries.NetworkServer,
        var t when t == typeof(DeviceRepairAction) => DeviceRepairAction.Completed,
        var t when t == typeof(GatewayRegistrationStatus) => GatewayRegistrationStatus.Claimed,
        var t when t == typeof(CleanupStatus) => CleanupStatus.AlreadyGone,
        var t when t == typeof(DeviceConflict) => DeviceModelFactory.DeviceConflict(message: "taken"),
        var t when t == typeof(EndDeviceInfo) => DeviceModelFactory.EndDeviceInfo(deviceId: "info"),
        var t when t == typeof(EndDeviceVersionIds) => new EndDeviceVersionIds { BrandId = "brand", ModelId = "model" },
        var t when t == typeof(EndDeviceDefinition) =>
            new EndDeviceDefinition { DeviceId = "defined", DevEui = "70B3D57ED0000002", JoinEui = "0000000000000000" },
        var t when t == typeof(DeviceImportRow) => new DeviceImportRow { Row = 3, DeviceId = "row", Outcome = DeviceOutcome.Failed },
        var t when t == typeof(UnfinishedDevice) => Unfinished,
        var t when t == typeof(IReadOnlyDictionary<string, string>) => new Dictionary<string, string> { ["room"] = "cold" },
        var t when t == typeof(IReadOnlyList<EndDeviceInfo>) => new[] { DeviceModelFactory.EndDeviceInfo(deviceId: "listed") },
        var t when t == typeof(IReadOnlyList<UnfinishedDevice>) => new[] { Unfinished },
        var t when t == typeof(IReadOnlyList<GatewayStatus>) => new[] { DeviceModelFactory.GatewayStatus(gatewayId: "listed") },
        var t when t == typeof(IReadOnlyList<EndDeviceInputError>) => new[] { DeviceModelFactory.EndDeviceInputError(message: "bad") },
        var t when t == typeof(IReadOnlyList<ThingsStackCsvRow>) => new[] { DeviceModelFactory.ThingsStackCsvRow(rowNumber: 4) },
        var t when t == typeof(IReadOnlyList<DeviceImportRow>) => new[]
        {
            new DeviceImportRow { Row = 1, DeviceId = "imported", Outcome = DeviceOutcome.Registered },
        },
        _ => ProvisioningModelFactoryTests.SampleOf(type),
    };

    private static UnfinishedDevice Unfinished => new()
    {
        TenantId = "acme", ApplicationId = "acme-app", DeviceId = "half", Holds = DeviceRegistries.IdentityServer, StartedAt = Instant,
    };
}
