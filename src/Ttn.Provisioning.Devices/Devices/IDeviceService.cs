namespace Ttn.Provisioning.Devices;

/// <summary>
/// Registers, reads, diagnoses, repairs and removes the end devices (OTAA) of a tenant's application on The Things
/// Stack, one at a time or by importing a The Things Stack CSV file. Every call takes the <see cref="ProvisioningCaller"/>,
/// is decided by the role policy before any I/O, needs a tenant with an application, and acts with the tenant's
/// application API key on the tenant's cluster.
/// </summary>
/// <remarks>
/// <para>
/// A device lives in four registries (Identity, Join, Network and Application Server) that The Things Stack does not
/// update together. Registering writes them in that order and, when a step fails, removes what it created in reverse;
/// removing goes Application → Network → Join → Identity Server. Work that could not finish is recorded in the
/// <see cref="Storage.IDeviceStore"/>, and running it again finishes it.
/// </para>
/// <para>
/// Root keys (AppKey, NwkKey) go to the Join Server and nowhere else: the library neither keeps nor logs them.
/// </para>
/// </remarks>
public interface IDeviceService
{
    /// <summary>
    /// Registers an OTAA device: Identity Server, then Join Server (root keys), Network Server, Application Server.
    /// Registering a device again converges on one device. A device id or EUI pair held by another device answers a
    /// <see cref="DeviceOutcome.Conflict"/> and creates nothing.
    /// </summary>
    /// <param name="caller">Who asks (owner, admin or manager by default).</param>
    /// <param name="device">The device: EUIs, AppKey (and NwkKey for LoRaWAN 1.1), frequency plan, MAC and PHY versions.</param>
    /// <param name="cancellationToken">Stops the registration (the device is then recorded as unfinished).</param>
    /// <exception cref="ArgumentException">The definition breaks a rule (the message names the fields, never a key).</exception>
    Task<DeviceRegistrationResult> RegisterDeviceAsync(
        ProvisioningCaller caller, EndDeviceDefinition device, CancellationToken cancellationToken = default);

    /// <summary>Reads a device from the Identity Server.</summary>
    /// <param name="caller">Who asks (every role that may read the status, by default).</param>
    /// <param name="deviceId">The device id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ArgumentException">The device id is not a valid TTS id.</exception>
    Task<DeviceReadResult> GetDeviceAsync(ProvisioningCaller caller, string deviceId, CancellationToken cancellationToken = default);

    /// <summary>Lists one page of the tenant's devices, with the total and the devices whose work has not finished.</summary>
    /// <param name="caller">Who asks (every role that may read the status, by default).</param>
    /// <param name="options">The page and fields; null for the first page of 100.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<DeviceListResult> ListDevicesAsync(
        ProvisioningCaller caller, DeviceListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the device from the four registries together and says which hold it.</summary>
    /// <param name="caller">Who asks (every role that may read the status, by default).</param>
    /// <param name="deviceId">The device id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ArgumentException">The device id is not a valid TTS id.</exception>
    Task<DeviceDiagnosisResult> DiagnoseDeviceAsync(
        ProvisioningCaller caller, string deviceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Repairs a half-registered device: with <paramref name="completeWith"/>, registers it the rest of the way (the root
    /// keys are needed again, since the library does not keep them); without, removes whatever part of it exists.
    /// </summary>
    /// <param name="caller">Who asks (owner, admin or manager by default).</param>
    /// <param name="deviceId">The device id.</param>
    /// <param name="completeWith">The device's definition, to complete it; null to remove it.</param>
    /// <param name="cancellationToken">Stops the repair.</param>
    /// <exception cref="ArgumentException">The device id is invalid, or the definition breaks a rule or names another device.</exception>
    Task<DeviceRepairResult> RepairDeviceAsync(
        ProvisioningCaller caller,
        string deviceId,
        EndDeviceDefinition? completeWith = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes a device: Application, Network and Join Server (404 counts as already gone), then the Identity Server,
    /// which releases its EUIs at once; the release is verified with a search by EUI.
    /// </summary>
    /// <param name="caller">Who asks (owner, admin or manager by default).</param>
    /// <param name="deviceId">The device id.</param>
    /// <param name="cancellationToken">Stops the removal (the device is then recorded as unfinished).</param>
    /// <exception cref="ArgumentException">The device id is not a valid TTS id.</exception>
    Task<DeviceRemovalResult> RemoveDeviceAsync(ProvisioningCaller caller, string deviceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Imports the devices of a file in The Things Stack CSV format (see <see cref="ThingsStackCsvReader"/>): validates
    /// every row first (nothing is sent when one is invalid), then registers the devices a few at a time as a job whose
    /// progress is kept in the device store, so running the same job again continues where it stopped.
    /// </summary>
    /// <param name="caller">Who asks (owner, admin or manager by default).</param>
    /// <param name="csv">The file; read from its current position and left open.</param>
    /// <param name="options">Job id, dry run, concurrency, progress, defaults for missing columns.</param>
    /// <param name="cancellationToken">Stops the import; run the job again to continue.</param>
    Task<DeviceImportResult> ImportDevicesAsync(
        ProvisioningCaller caller, Stream csv, DeviceImportOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Imports device definitions (see the CSV overload: same validation, job and progress).</summary>
    /// <param name="caller">Who asks (owner, admin or manager by default).</param>
    /// <param name="devices">The definitions, numbered from 1 in the order given.</param>
    /// <param name="options">Job id, dry run, concurrency, progress, defaults for missing fields.</param>
    /// <param name="cancellationToken">Stops the import; run the job again to continue.</param>
    Task<DeviceImportResult> ImportDevicesAsync(
        ProvisioningCaller caller,
        IAsyncEnumerable<EndDeviceDefinition> devices,
        DeviceImportOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>Imports device definitions (see the CSV overload: same validation, job and progress).</summary>
    /// <param name="caller">Who asks (owner, admin or manager by default).</param>
    /// <param name="devices">The definitions, numbered from 1 in the order given.</param>
    /// <param name="options">Job id, dry run, concurrency, progress, defaults for missing fields.</param>
    /// <param name="cancellationToken">Stops the import; run the job again to continue.</param>
    Task<DeviceImportResult> ImportDevicesAsync(
        ProvisioningCaller caller,
        IEnumerable<EndDeviceDefinition> devices,
        DeviceImportOptions? options = null,
        CancellationToken cancellationToken = default);
}
