using Ttn.Provisioning.DeviceRegistration;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Operations;

/// <summary>A device operation on one device, named by its id (checked before anything else happens).</summary>
/// <typeparam name="TResult">The operation's result.</typeparam>
internal abstract class DeviceIdOperation<TResult> : DeviceOperation<TResult>
    where TResult : OperationResult
{
    /// <exception cref="ArgumentException">The device id is not a valid TTS id.</exception>
    protected DeviceIdOperation(DeviceServices services, string deviceId)
        : base(services)
    {
        ThingsStackIds.Validate(deviceId, nameof(deviceId));
        DeviceId = deviceId;
    }

    /// <summary>The device.</summary>
    protected string DeviceId { get; }
}
