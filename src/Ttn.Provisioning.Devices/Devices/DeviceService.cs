using Ttn.Provisioning.DeviceImport;
using Ttn.Provisioning.DeviceRegistration;
using Ttn.Provisioning.Operations;

namespace Ttn.Provisioning.Devices;

/// <summary>The default <see cref="IDeviceService"/>: a facade that hands each call to its operation.</summary>
internal sealed class DeviceService(DeviceRuntime runtime) : IDeviceService
{
    /// <inheritdoc />
    public Task<DeviceRegistrationResult> RegisterDeviceAsync(
        ProvisioningCaller caller, EndDeviceDefinition device, CancellationToken cancellationToken = default) =>
        runtime.RunAsync(caller, s => new RegisterDeviceOperation(s, device), cancellationToken);

    /// <inheritdoc />
    public Task<DeviceReadResult> GetDeviceAsync(
        ProvisioningCaller caller, string deviceId, CancellationToken cancellationToken = default) =>
        runtime.RunAsync(caller, s => new GetDeviceOperation(s, deviceId), cancellationToken);

    /// <inheritdoc />
    public Task<DeviceListResult> ListDevicesAsync(
        ProvisioningCaller caller, DeviceListOptions? options = null, CancellationToken cancellationToken = default) =>
        runtime.RunAsync(caller, s => new ListDevicesOperation(s, options), cancellationToken);

    /// <inheritdoc />
    public Task<DeviceDiagnosisResult> DiagnoseDeviceAsync(
        ProvisioningCaller caller, string deviceId, CancellationToken cancellationToken = default) =>
        runtime.RunAsync(caller, s => new DiagnoseDeviceOperation(s, deviceId), cancellationToken);

    /// <inheritdoc />
    public Task<DeviceRepairResult> RepairDeviceAsync(
        ProvisioningCaller caller,
        string deviceId,
        EndDeviceDefinition? completeWith = null,
        CancellationToken cancellationToken = default) =>
        runtime.RunAsync(caller, s => new RepairDeviceOperation(s, deviceId, completeWith), cancellationToken);

    /// <inheritdoc />
    public Task<DeviceRemovalResult> RemoveDeviceAsync(
        ProvisioningCaller caller, string deviceId, CancellationToken cancellationToken = default) =>
        runtime.RunAsync(caller, s => new RemoveDeviceOperation(s, deviceId), cancellationToken);

    /// <inheritdoc />
    public Task<DeviceImportResult> ImportDevicesAsync(
        ProvisioningCaller caller, Stream csv, DeviceImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return runtime.RunAsync(
            caller, s => new ImportDevicesOperation(s, (o, token) => ImportInput.ReadAsync(csv, o, token), options), cancellationToken);
    }

    /// <inheritdoc />
    public Task<DeviceImportResult> ImportDevicesAsync(
        ProvisioningCaller caller,
        IAsyncEnumerable<EndDeviceDefinition> devices,
        DeviceImportOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(devices);
        return runtime.RunAsync(
            caller, s => new ImportDevicesOperation(s, (o, token) => ImportInput.ReadAsync(devices, o, token), options), cancellationToken);
    }

    /// <inheritdoc />
    public Task<DeviceImportResult> ImportDevicesAsync(
        ProvisioningCaller caller,
        IEnumerable<EndDeviceDefinition> devices,
        DeviceImportOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(devices);
        return ImportDevicesAsync(caller, AsAsync(devices), options, cancellationToken);
    }

    private static async IAsyncEnumerable<EndDeviceDefinition> AsAsync(IEnumerable<EndDeviceDefinition> devices)
    {
        foreach (var device in devices)
        {
            yield return device;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
